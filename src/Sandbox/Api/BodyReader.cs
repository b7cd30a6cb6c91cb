using System;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Tasks;
using FactorialGen.Sandbox.Json;
using Microsoft.AspNetCore.Http;

namespace FactorialGen.Sandbox.Api;

/// <summary>Reads a JSON request body; a missing or malformed body answers 422.</summary>
internal static class BodyReader
{
    public static async Task<T> ReadAsync<T>(HttpContext http, ApiRequest api, Func<SandboxJsonContext, JsonTypeInfo<T>> typeInfo)
        where T : class
    {
        try
        {
            T? body = await JsonSerializer.DeserializeAsync(http.Request.Body, typeInfo(api.Version.Json), http.RequestAborted);
            return body ?? throw ApiProblem.Unprocessable("The request body must be a JSON object.");
        }
        catch (JsonException exception)
        {
            string where = exception.Path is { Length: > 0 } path ? $" at {path}" : string.Empty;
            throw ApiProblem.Unprocessable($"The request body is not valid JSON for this operation{where}.");
        }
    }

    public static TValue Required<TValue>(TValue? value, string field)
        where TValue : struct =>
        value ?? throw ApiProblem.Unprocessable($"The field '{field}' is required.");

    public static string Required(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw ApiProblem.Unprocessable($"The field '{field}' is required.") : value;
}
