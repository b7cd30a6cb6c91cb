using System.Net.Http;

namespace FactorialGen;

/// <summary>Per-request facts the request layer hands to <see cref="FactorialAuthHandler"/> through <see cref="HttpRequestMessage.Options"/>.</summary>
public static class FactorialRequestOptions
{
    /// <summary>The scope the operation needs; the handler refuses to send the request when the token lacks it.</summary>
    public static readonly HttpRequestOptionsKey<FactorialScope> RequiredScope = new("FactorialGen.RequiredScope");

    /// <summary>The operation's path template (e.g. <c>/api/{version}/resources/employees/employees/{id}</c>), for errors and logs.</summary>
    public static readonly HttpRequestOptionsKey<string> PathTemplate = new("FactorialGen.PathTemplate");
}
