using System;
using System.Net;

namespace FactorialGen;

/// <summary>
/// Where credentials may be sent: HTTPS hosts, or plain HTTP on loopback only (the local sandbox), never an address
/// that carries user info (<c>https://user:pass@host</c>). Messages describe an address by its scheme, host and port
/// only (<see cref="Describe"/>), so user info never reaches an exception or a log.
/// </summary>
internal static class BaseAddressPolicy
{
    public static Uri Validate(Uri? address, string paramName)
    {
        ArgumentNullException.ThrowIfNull(address, paramName);
        if (!address.IsAbsoluteUri)
        {
            throw new ArgumentException(
                "The base address is not an absolute URI: write it with its scheme and host, such as 'https://api.factorialhr.com/' (or 'http://127.0.0.1:5080/' for the local sandbox).",
                paramName);
        }

        if (HasUserInfo(address))
        {
            throw new ArgumentException(
                $"Refusing base address '{Describe(address)}': it carries user info (a user name or password before '@'). FactorialGen sends credentials only as tokens or API keys; remove the user info from the address.",
                paramName);
        }

        if (address.Scheme != Uri.UriSchemeHttps && address.Scheme != Uri.UriSchemeHttp)
        {
            throw new ArgumentException(
                $"Refusing base address '{Describe(address)}': its scheme is '{address.Scheme}', and tokens are only sent over HTTPS (plain HTTP only to a loopback address). Write the address with its scheme, such as 'https://api.factorialhr.com/' (or 'http://127.0.0.1:5080/' for the local sandbox); without one, a host and port such as 'localhost:5080' reads as the scheme 'localhost'.",
                paramName);
        }

        if (address.Scheme == Uri.UriSchemeHttp && !IsLoopback(address))
        {
            throw new ArgumentException(
                $"Refusing base address '{Describe(address)}': tokens are only sent over HTTPS, and plain HTTP only to a loopback address (the local sandbox). Use 'https://{address.Authority}/'.",
                paramName);
        }

        BaseAddressPaths.ThrowIfDoubled(address, paramName);

        // Normalise to a trailing slash so relative paths append instead of replacing the last segment.
        return address.AbsoluteUri.EndsWith('/') ? address : new Uri(address.AbsoluteUri + "/");
    }

    /// <summary>Whether <paramref name="address"/> is absolute and carries user info (anything before an '@' in its authority).</summary>
    public static bool HasUserInfo(Uri address) => address.IsAbsoluteUri && address.UserInfo.Length > 0;

    /// <summary>
    /// The address as it may appear in a message: scheme, host and port (<c>https://host:443</c>), never user info,
    /// path or query. Relative or host-less URIs show only their scheme.
    /// </summary>
    public static string Describe(Uri? address)
    {
        if (address is null)
        {
            return "(none)";
        }

        if (!address.IsAbsoluteUri)
        {
            return "(a relative URI)";
        }

        var described = address.HostNameType == UriHostNameType.Unknown || address.Host.Length == 0
            ? $"{address.Scheme}:"
            : address.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped);
        return described.Length > 1 ? described : "(an address without a scheme or host)";
    }

    public static bool IsLoopback(Uri address) =>
        address.IsLoopback || (IPAddress.TryParse(address.DnsSafeHost, out var ip) && IPAddress.IsLoopback(ip));

    /// <summary>
    /// Whether <paramref name="requestUri"/> goes to the same scheme, host and port as <paramref name="baseAddress"/>,
    /// with the same user info (none, for a validated base address).
    /// </summary>
    public static bool IsSameOrigin(Uri baseAddress, Uri? requestUri) =>
        requestUri is not null
        && requestUri.IsAbsoluteUri
        && Uri.Compare(baseAddress, requestUri, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0
        && string.Equals(baseAddress.UserInfo, requestUri.UserInfo, StringComparison.Ordinal);
}
