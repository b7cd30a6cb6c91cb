using System;
using System.Net;

namespace FactorialGen;

/// <summary>Where credentials may be sent: HTTPS hosts, or plain HTTP on loopback only (the local sandbox).</summary>
internal static class BaseAddressPolicy
{
    public static Uri Validate(Uri? address, string paramName)
    {
        ArgumentNullException.ThrowIfNull(address, paramName);
        if (!address.IsAbsoluteUri)
        {
            throw new ArgumentException($"The base address '{address}' must be an absolute URI.", paramName);
        }

        if (address.Scheme == Uri.UriSchemeHttps || (address.Scheme == Uri.UriSchemeHttp && IsLoopback(address)))
        {
            // Normalise to a trailing slash so relative paths append instead of replacing the last segment.
            return address.AbsoluteUri.EndsWith('/') ? address : new Uri(address.AbsoluteUri + "/");
        }

        throw new ArgumentException(
            $"Refusing base address '{address.GetLeftPart(UriPartial.Authority)}': tokens are only sent over HTTPS (plain HTTP is allowed for loopback addresses only).",
            paramName);
    }

    public static bool IsLoopback(Uri address) =>
        address.IsLoopback || (IPAddress.TryParse(address.DnsSafeHost, out var ip) && IPAddress.IsLoopback(ip));

    /// <summary>Whether <paramref name="requestUri"/> goes to the same scheme, host and port as <paramref name="baseAddress"/>.</summary>
    public static bool IsSameOrigin(Uri baseAddress, Uri? requestUri) =>
        requestUri is not null
        && requestUri.IsAbsoluteUri
        && Uri.Compare(baseAddress, requestUri, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;
}
