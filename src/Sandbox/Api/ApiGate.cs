using System;
using System.Threading.Tasks;
using FactorialGen.Sandbox.OAuth;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace FactorialGen.Sandbox.Api;

/// <summary>
/// Middleware in front of every <c>/api</c> request, in this order: count it (a POST also against the company-wide
/// POST limit, <see cref="PostWindow"/>), wait the configured
/// latency, wait while a test holds requests, check the version segment, apply injected failures, authenticate (401), rate-limit
/// (429), check the scope the HTTP method needs and, for a token granted resource scopes, the resource scope the
/// resource needs (<see cref="ResourceScopeMap"/>) (403). Handlers only run when all pass.
/// </summary>
internal sealed class ApiGate(SandboxState state)
{
    public async Task InvokeAsync(HttpContext http, RequestDelegate next)
    {
        if (!http.Request.Path.StartsWithSegments("/api", out PathString rest))
        {
            await next(http);
            return;
        }

        state.Stats.CountResourceRequest();
        if (!await state.PostWindow.AdmitAsync(http))
        {
            return;
        }

        TimeSpan latency = state.Control.Latency;
        if (latency > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(latency, http.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        if (state.Control.ResourcePause is SandboxPause pause && !await pause.HoldAsync(http.RequestAborted))
        {
            return;
        }

        string[] segments = (rest.Value ?? string.Empty).Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0 || !ApiVersion.TryParse(segments[0], out ApiVersion? version))
        {
            await HttpJson.WriteErrorAsync(http, 404, "not_found", "API paths look like /api/YYYY-MM-DD/resources/{namespace}/{resource}.");
            return;
        }

        if (state.Control.TryTakeResourceFailure(out int failure, out TimeSpan failureRetryAfter))
        {
            await WriteInjectedFailureAsync(http, failure, failureRetryAfter);
            return;
        }

        ApiCaller? caller = Authenticate(http, out string? authFailure);
        if (caller is null)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
            await HttpJson.WriteErrorAsync(http, 401, "invalid_token", authFailure);
            return;
        }

        if (state.Options.RateLimitPerMinute is int limit
            && !state.RateLimiter.TryAcquire(caller.RateLimitKey, limit, state.Now, out TimeSpan retryAfter))
        {
            state.Stats.CountRateLimited();
            http.Response.Headers.RetryAfter = HttpJson.RetryAfterSeconds(retryAfter);
            await HttpJson.WriteErrorAsync(http, 429, "rate_limited", $"More than {limit} requests per minute; retry later.");
            return;
        }

        ApiScope needed = HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) || HttpMethods.IsOptions(http.Request.Method)
            ? ApiScope.Read
            : ApiScope.Write;
        if ((caller.Scope & needed) == 0)
        {
            string scope = ApiScopes.Format(needed);
            http.Response.Headers.WWWAuthenticate = $"Bearer error=\"insufficient_scope\", scope=\"{scope}\"";
            await HttpJson.WriteErrorAsync(
                http,
                403,
                "insufficient_scope",
                $"This request needs the '{scope}' scope; the token has '{ApiScopes.Format(caller.Scope)}'.",
                scope);
            return;
        }

        if (caller.Resources != 0 && ResourceScopeMap.RequiredFor(segments) is string resourceScope
            && (caller.Resources & ResourceScopes.BitOf(resourceScope)) == 0)
        {
            http.Response.Headers.WWWAuthenticate = $"Bearer error=\"insufficient_scope\", scope=\"{resourceScope}\"";
            await HttpJson.WriteErrorAsync(
                http,
                403,
                "insufficient_scope",
                $"This request needs the '{resourceScope}' resource scope; the token was granted '{ResourceScopes.Format(caller.Resources)}'.",
                resourceScope);
            return;
        }

        new ApiRequest(version, caller).AttachTo(http);
        await next(http);
    }

    private ApiCaller? Authenticate(HttpContext http, out string? failure)
    {
        string? bearer = null;
        string? authorization = http.Request.Headers.Authorization;
        if (authorization is not null)
        {
            if (!authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            {
                failure = "Only Bearer tokens are accepted in the Authorization header.";
                return null;
            }

            bearer = authorization["Bearer ".Length..].Trim();
        }

        StringValues apiKey = http.Request.Headers["x-api-key"];
        return state.Tokens.Authenticate(bearer, apiKey.Count == 0 ? null : apiKey.ToString(), out failure);
    }

    private async Task WriteInjectedFailureAsync(HttpContext http, int status, TimeSpan retryAfter)
    {
        if (status is 429 or 503)
        {
            http.Response.Headers.RetryAfter = HttpJson.RetryAfterSeconds(retryAfter);
        }

        if (status == 429)
        {
            state.Stats.CountRateLimited();
        }

        if (status == 401)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
        }

        await HttpJson.WriteErrorAsync(http, status, HttpJson.ErrorCodeFor(status), "The sandbox was told to fail this request.");
    }
}
