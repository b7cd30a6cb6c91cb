using System;
using FactorialGen.Sandbox.OAuth;
using Microsoft.AspNetCore.Http;

namespace FactorialGen.Sandbox.Api;

/// <summary>What the gate learned about an <c>/api</c> request: its version and its caller.</summary>
internal sealed record ApiRequest(ApiVersion Version, ApiCaller Caller)
{
    private static readonly object ItemKey = new();

    public static ApiRequest Of(HttpContext http) =>
        http.Items.TryGetValue(ItemKey, out object? value) && value is ApiRequest request
            ? request
            : throw new InvalidOperationException("The request did not pass through the API gate.");

    public void AttachTo(HttpContext http) => http.Items[ItemKey] = this;
}
