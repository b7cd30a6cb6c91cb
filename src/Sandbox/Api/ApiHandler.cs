using System;
using System.Globalization;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace FactorialGen.Sandbox.Api;

/// <summary>
/// Turns a resource handler into a plain <see cref="RequestDelegate"/> (no reflection-based
/// parameter binding) and converts an <see cref="ApiProblem"/> into its JSON error response.
/// </summary>
internal static class ApiHandler
{
    public static RequestDelegate Run(Func<HttpContext, ApiRequest, Task> handler) => async http =>
    {
        try
        {
            await handler(http, ApiRequest.Of(http));
        }
        catch (ApiProblem problem) when (!http.Response.HasStarted)
        {
            await HttpJson.WriteErrorAsync(http, problem.Status, problem.Error, problem.Message);
        }
    };

    /// <summary>The numeric <c>{id}</c> route value; anything else cannot name a record (404).</summary>
    public static long RouteId(HttpContext http)
    {
        string? text = http.Request.RouteValues["id"] as string;
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long id)
            ? id
            : throw ApiProblem.NotFound($"No record has the id '{text}'.");
    }

    public static T Found<T>(T? record, long id, string what)
        where T : class =>
        record ?? throw ApiProblem.NotFound($"No {what} has the id {id}.");
}
