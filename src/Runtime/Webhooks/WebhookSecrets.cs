using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;

namespace FactorialGen.Webhooks;

/// <summary>New challenges, and errors about subscriptions that can never carry one.</summary>
internal static class WebhookSecrets
{
    /// <summary>256 random bits as 43 URL-safe characters (header-safe, no padding).</summary>
    public static string NewChallenge() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>
    /// The error of a failed call: Factorial's status and error text with every challenge of the call cut out, and the
    /// cause kept only when none of it (message, body, inner exceptions) holds one of them.
    /// </summary>
    public static FactorialWebhookSubscriptionException Failure(string what, string state, IReadOnlyList<string> types, Exception cause, IReadOnlyCollection<string> secrets)
    {
        var api = cause as FactorialApiException;
        var reason = Redact(api is null ? cause.Message : $"Factorial answered {(int)api.StatusCode} {api.StatusCode}{(api.ErrorCode is null ? string.Empty : ": " + api.ErrorCode)}{(api.ErrorMessage is null ? string.Empty : $" ({api.ErrorMessage})")}", secrets);
        var leaks = secrets.Any(s => cause.ToString().Contains(s, StringComparison.Ordinal) || (api?.ResponseBody?.Contains(s, StringComparison.Ordinal) ?? false));
        return new FactorialWebhookSubscriptionException($"{what}: {reason.TrimEnd('.')}. {state}", types, api?.StatusCode, leaks ? null : cause);
    }

    private static string Redact(string text, IReadOnlyCollection<string> secrets) =>
        secrets.Where(s => s.Length > 0).Aggregate(text, (current, secret) => current.Replace(secret, "[challenge]", StringComparison.Ordinal));
}
