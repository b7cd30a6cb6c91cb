using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using FactorialGen.Sandbox.Api;
using FactorialGen.Sandbox.Json;
using FactorialGen.Sandbox.Models;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace FactorialGen.Sandbox.OAuth;

/// <summary><c>GET /oauth/authorize</c>, <c>POST /oauth/token</c> and <c>POST /oauth/revoke</c>.</summary>
internal static class OAuthEndpoints
{
    public static void MapOAuth(this IEndpointRouteBuilder app, SandboxState state)
    {
        app.MapGet("/oauth/authorize", http => AuthorizeAsync(state, http));
        app.MapPost("/oauth/token", http => TokenAsync(state, http));
        app.MapPost("/oauth/revoke", http => RevokeAsync(state, http));
    }

    /// <summary>Validates an authorize query and, when valid, creates an authorization code for the demo user.</summary>
    public static bool TryApprove(
        SandboxState state,
        IReadOnlyDictionary<string, StringValues> query,
        [NotNullWhen(true)] out AuthorizationRequest? request,
        out string result)
    {
        if (!AuthorizationRequest.TryParse(query, state.Clients, out request, out string? error))
        {
            result = error;
            return false;
        }

        result = state.Tokens.CreateCode(request);
        return true;
    }

    private static Task AuthorizeAsync(SandboxState state, HttpContext http)
    {
        var query = http.Request.Query.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        http.Response.Headers.CacheControl = "no-store";
        if (!TryApprove(state, query, out AuthorizationRequest? request, out string result))
        {
            return WriteHtmlAsync(http, StatusCodes.Status400BadRequest, AuthorizePage.Error(result));
        }

        if (request.IsOutOfBand)
        {
            Employee? user = state.Data.Employees.Find(state.Data.AdminEmployeeId);
            int minutes = (int)Math.Ceiling(state.Options.AuthorizationCodeLifetime.TotalMinutes);
            return WriteHtmlAsync(http, StatusCodes.Status200OK, AuthorizePage.Approved(request, result, user, minutes));
        }

        var location = new StringBuilder(request.RedirectUri);
        location.Append(request.RedirectUri.Contains('?', StringComparison.Ordinal) ? '&' : '?');
        location.Append("code=").Append(Uri.EscapeDataString(result));
        if (request.State is string stateValue)
        {
            location.Append("&state=").Append(Uri.EscapeDataString(stateValue));
        }

        http.Response.StatusCode = StatusCodes.Status302Found;
        http.Response.Headers.Location = location.ToString();
        return Task.CompletedTask;
    }

    private static async Task TokenAsync(SandboxState state, HttpContext http)
    {
        state.Stats.CountTokenRequest();
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers.Pragma = "no-cache";
        IFormCollection? form = await ReadFormAsync(http);
        string? grantType = Field(form, "grant_type");
        if (grantType == "authorization_code")
        {
            state.Stats.CountAuthorizationCodeGrant();
        }
        else if (grantType == "refresh_token")
        {
            state.Stats.CountRefreshGrant();
        }

        if (state.Control.TokenPause is SandboxPause pause && !await pause.HoldAsync(http.RequestAborted))
        {
            return; // the client gave up while held: nothing is issued or rotated
        }

        if (state.Control.TokenEndpointFailureStatus is int failure)
        {
            if (failure == StatusCodes.Status429TooManyRequests)
            {
                state.Stats.CountRateLimited();
                http.Response.Headers.RetryAfter = "1";
            }

            await HttpJson.WriteErrorAsync(http, failure, HttpJson.ErrorCodeFor(failure), "The sandbox was told to fail token requests.");
            return;
        }

        if (form is null)
        {
            await HttpJson.WriteErrorAsync(http, 400, "invalid_request", "The body must be application/x-www-form-urlencoded.");
            return;
        }

        SandboxClient? client = AuthenticateClient(state, http, form);
        if (client is null)
        {
            await HttpJson.WriteErrorAsync(http, 401, "invalid_client", "Client authentication failed: unknown client_id or wrong client_secret.");
            return;
        }

        GrantOutcome outcome;
        switch (grantType)
        {
            case null or "":
                await HttpJson.WriteErrorAsync(http, 400, "invalid_request", "The grant_type parameter is missing.");
                return;
            case "authorization_code":
                string? code = Field(form, "code");
                string? redirectUri = Field(form, "redirect_uri");
                if (string.IsNullOrEmpty(code) || string.IsNullOrEmpty(redirectUri))
                {
                    await HttpJson.WriteErrorAsync(http, 400, "invalid_request", "The code and redirect_uri parameters are required.");
                    return;
                }

                outcome = state.Tokens.ExchangeCode(client, code, redirectUri, Field(form, "code_verifier"));
                break;
            case "refresh_token":
                string? refreshToken = Field(form, "refresh_token");
                if (string.IsNullOrEmpty(refreshToken))
                {
                    await HttpJson.WriteErrorAsync(http, 400, "invalid_request", "The refresh_token parameter is required.");
                    return;
                }

                outcome = state.Tokens.Refresh(client, refreshToken);
                break;
            default:
                await HttpJson.WriteErrorAsync(http, 400, "unsupported_grant_type", $"The grant_type '{grantType}' is not supported.");
                return;
        }

        if (outcome.Response is TokenResponse response)
        {
            await HttpJson.WriteAsync(http, 200, response, SandboxJsonContext.Current.TokenResponse);
        }
        else
        {
            await HttpJson.WriteErrorAsync(http, 400, outcome.Error!, outcome.Description);
        }
    }

    private static async Task RevokeAsync(SandboxState state, HttpContext http)
    {
        state.Stats.CountRevokeRequest();
        IFormCollection? form = await ReadFormAsync(http);
        if (form is null)
        {
            await HttpJson.WriteErrorAsync(http, 400, "invalid_request", "The body must be application/x-www-form-urlencoded.");
            return;
        }

        SandboxClient? client = AuthenticateClient(state, http, form);
        if (client is null)
        {
            await HttpJson.WriteErrorAsync(http, 401, "invalid_client", "Client authentication failed: unknown client_id or wrong client_secret.");
            return;
        }

        string? token = Field(form, "token");
        if (string.IsNullOrEmpty(token))
        {
            await HttpJson.WriteErrorAsync(http, 400, "invalid_request", "The token parameter is required.");
            return;
        }

        state.Tokens.Revoke(client, token);
        http.Response.StatusCode = 200;
        http.Response.ContentType = "application/json; charset=utf-8";
        await http.Response.WriteAsync("{}", http.RequestAborted);
    }

    /// <summary>Client credentials from HTTP Basic (preferred when present) or from the form fields.</summary>
    private static SandboxClient? AuthenticateClient(SandboxState state, HttpContext http, IFormCollection form)
    {
        string? header = http.Request.Headers.Authorization;
        if (header is not null && header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            http.Response.Headers.WWWAuthenticate = "Basic realm=\"factorial-sandbox\"";
            try
            {
                string decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
                int colon = decoded.IndexOf(':', StringComparison.Ordinal);
                if (colon < 0)
                {
                    return null;
                }

                SandboxClient? client = state.AuthenticateClient(
                    Uri.UnescapeDataString(decoded[..colon].Replace('+', ' ')),
                    Uri.UnescapeDataString(decoded[(colon + 1)..].Replace('+', ' ')));
                if (client is not null)
                {
                    http.Response.Headers.Remove(HeaderNames.WWWAuthenticate);
                }

                return client;
            }
            catch (FormatException)
            {
                return null;
            }
        }

        return state.AuthenticateClient(Field(form, "client_id"), Field(form, "client_secret"));
    }

    private static async Task<IFormCollection?> ReadFormAsync(HttpContext http)
    {
        if (!http.Request.HasFormContentType)
        {
            return null;
        }

        try
        {
            return await http.Request.ReadFormAsync(http.RequestAborted);
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    private static string? Field(IFormCollection? form, string name) =>
        form is not null && form.TryGetValue(name, out StringValues values) && values.Count == 1 ? values[0] : null;

    private static async Task WriteHtmlAsync(HttpContext http, int status, string html)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync(html, http.RequestAborted);
    }
}
