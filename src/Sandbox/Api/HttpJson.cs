using System;
using System.Globalization;
using System.Threading.Tasks;
using System.Text.Json.Serialization.Metadata;
using FactorialGen.Sandbox.Json;
using FactorialGen.Sandbox.Models;
using Microsoft.AspNetCore.Http;

namespace FactorialGen.Sandbox.Api;

/// <summary>Writes JSON responses with source-generated metadata only.</summary>
internal static class HttpJson
{
    public static Task WriteAsync<T>(HttpContext http, int status, T value, JsonTypeInfo<T> typeInfo)
    {
        http.Response.StatusCode = status;
        return http.Response.WriteAsJsonAsync(value, typeInfo, contentType: "application/json; charset=utf-8", http.RequestAborted);
    }

    public static Task WriteErrorAsync(HttpContext http, int status, string error, string? description = null, string? requiredScope = null) =>
        WriteAsync(http, status, new ErrorBody(error, description, requiredScope), SandboxJsonContext.Current.ErrorBody);

    /// <summary>A <c>Retry-After</c> value: whole seconds, rounded up.</summary>
    public static string RetryAfterSeconds(TimeSpan delay) =>
        ((long)Math.Ceiling(Math.Max(0, delay.TotalSeconds))).ToString(CultureInfo.InvariantCulture);

    /// <summary>The error code used for a status injected through <see cref="SandboxControl"/>.</summary>
    public static string ErrorCodeFor(int status) => status switch
    {
        400 => "invalid_request",
        401 => "invalid_token",
        403 => "insufficient_scope",
        404 => "not_found",
        409 => "conflict",
        422 => "unprocessable_entity",
        429 => "rate_limited",
        500 => "server_error",
        502 => "bad_gateway",
        503 => "service_unavailable",
        504 => "gateway_timeout",
        _ => "error",
    };
}
