using System.Net.Http;

namespace FactorialGen;

/// <summary>
/// Per-request facts for <see cref="FactorialAuthHandler"/> and <see cref="FactorialTelemetryHandler"/>. The request
/// layer carries them on its own request type (no dictionary lookups on the hot path) and also sets these
/// <see cref="HttpRequestMessage.Options"/> keys when it sends through a caller's <see cref="HttpClient"/>; set them
/// yourself on requests you build by hand.
/// </summary>
public static class FactorialRequestOptions
{
    /// <summary>The scope the operation needs; the handler refuses to send the request when the token lacks it.</summary>
    public static readonly HttpRequestOptionsKey<FactorialScope> RequiredScope = new("FactorialGen.RequiredScope");

    /// <summary>
    /// The Factorial resource scope the operation needs; the handler refuses to send the request when the token's
    /// resource scopes are known and lack it. Unset or <see cref="FactorialResourceScopes.None"/>: no resource scope is checked.
    /// </summary>
    public static readonly HttpRequestOptionsKey<FactorialResourceScopes> RequiredResource = new("FactorialGen.RequiredResource");

    /// <summary>The operation's path template (e.g. <c>/api/{version}/resources/employees/employees/{id}</c>), for errors and logs.</summary>
    public static readonly HttpRequestOptionsKey<string> PathTemplate = new("FactorialGen.PathTemplate");
}
