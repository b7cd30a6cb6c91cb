using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;

namespace FactorialGen.Webhooks;

/// <summary>Checks a receiver's base URL and the event types, and builds each subscription's target URL.</summary>
internal static class WebhookTargets
{
    /// <summary>The base URL without a trailing slash; https, or http on a loopback host (the challenge travels in a header).</summary>
    public static string Prefix(Uri baseUrl)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        if (!baseUrl.IsAbsoluteUri || (baseUrl.Scheme != Uri.UriSchemeHttps && baseUrl.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException($"The webhook base URL must be an absolute https URL (http only on a loopback host), not '{baseUrl}'.", nameof(baseUrl));
        }

        if (baseUrl.Scheme == Uri.UriSchemeHttp && !IsLoopback(baseUrl))
        {
            throw new ArgumentException($"The webhook base URL '{baseUrl.GetLeftPart(UriPartial.Authority)}' uses http on a non-loopback host: every delivery carries the subscription's challenge in a header, so use https.", nameof(baseUrl));
        }

        if (baseUrl.Query.Length > 0 || baseUrl.Fragment.Length > 0 || baseUrl.UserInfo.Length > 0)
        {
            throw new ArgumentException("The webhook base URL must not have a query, fragment or user info: the event type is appended to its path.", nameof(baseUrl));
        }

        return baseUrl.AbsoluteUri.TrimEnd('/');
    }

    /// <summary>The distinct event types, each one of the document's.</summary>
    public static List<string> Types(IEnumerable<string> subscriptionTypes, FactorialWebhookRegistry events)
    {
        ArgumentNullException.ThrowIfNull(subscriptionTypes);
        var types = new List<string>();
        foreach (var type in subscriptionTypes)
        {
            if (type is null || !events.TryGet(type, out _))
            {
                throw new ArgumentException($"'{type}' is not a webhook event of this client's document ({events.Count} events); use the generated FactorialWebhooks constants.", nameof(subscriptionTypes));
            }

            if (!types.Contains(type, StringComparer.Ordinal))
            {
                types.Add(type);
            }
        }

        return types.Count > 0 ? types : throw new ArgumentException("Give at least one event type to subscribe to.", nameof(subscriptionTypes));
    }

    /// <summary><c>prefix + "/" + type</c>, each segment of the type escaped.</summary>
    public static string Url(string prefix, string type) =>
        prefix + "/" + string.Join("/", type.Split('/').Select(Uri.EscapeDataString));

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
