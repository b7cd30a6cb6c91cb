using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace FactorialGen.Tests.Auth;

/// <summary>
/// Secrets in OAuth errors: whatever a hostile token endpoint answers — echoing the client secret, the authorization key
/// or the refresh token back, half a token, a body that is not JSON — no secret appears in the exception's message,
/// ToString(), properties or inner exceptions (no Refit exception holding the request or the answer's content), nor in a
/// log line.
/// </summary>
public sealed class OAuthSecretLeakTests
{
    private const string Code = "code-SECRET-key";
    private const string RefreshToken = "rt-SECRET-refresh";
    private const string AccessToken = "at-SECRET-access";
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);
    private static readonly string[] Secrets = [FakeFactorial.ClientSecret, Code, RefreshToken, AccessToken, "rt-SECRET-new", "at-SECRET-new"];

    public static TheoryData<string, int, string> Answers() => new()
    {
        { "error echoes the secrets", 400, $$"""{"error":"{{FakeFactorial.ClientSecret}}","error_description":"bad key {{Code}} / {{RefreshToken}} / {{AccessToken}} for {{FakeFactorial.ClientSecret}}"}""" },
        { "error page echoes the secrets", 500, $"<html>client_secret={FakeFactorial.ClientSecret}&code={Code}&refresh_token={RefreshToken}</html>" },
        { "refresh token without an access token", 200, """{"refresh_token":"rt-SECRET-new","token_type":"Bearer"}""" },
        { "token with a broken field", 200, """{"access_token":"at-SECRET-new","refresh_token":"rt-SECRET-new","expires_in":{"x":1}}""" },
        { "broken JSON around new tokens", 200, """{"access_token":"at-SECRET-new","refresh_token":"rt-SECRET-new" """ },
        { "not JSON at all", 200, $"access_token=at-SECRET-new&refresh_token=rt-SECRET-new&echo={FakeFactorial.ClientSecret}" },
        { "access token with a line break", 200, """{"access_token":"at-SECRET-new\r\nX: 1","refresh_token":"rt-SECRET-new"}""" },
        { "non-bearer type", 200, """{"access_token":"at-SECRET-new","refresh_token":"rt-SECRET-new","token_type":"mac"}""" },
    };

    [Theory]
    [MemberData(nameof(Answers))]
    public async Task No_secret_reaches_an_exception_or_a_log_line_whatever_the_token_endpoint_answers(string answer, int status, string body)
    {
        _ = answer;
        await using var server = await HostileServer.StartAsync(async context =>
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = body.StartsWith('{') ? "application/json" : "text/html";
            await context.Response.WriteAsync(body);
        });
        using var logs = new CapturingLoggerProvider();
        using var factory = logs.CreateFactory();
        using var oauth = new FactorialOAuth(FakeFactorial.App, new FactorialOAuthOptions { BaseAddress = server.BaseAddress, LoggerFactory = factory });
        var token = new FactorialToken(AccessToken, RefreshToken, FactorialScope.Read, DateTimeOffset.UtcNow, null);

        var errors = new Exception[]
        {
            await Assert.ThrowsAnyAsync<FactorialException>(() => oauth.ObtainAccessTokenAsync(Code).WaitAsync(Guard)),
            await Assert.ThrowsAnyAsync<FactorialException>(() => oauth.RefreshAccessTokenAsync(token).WaitAsync(Guard)),
            await Assert.ThrowsAnyAsync<FactorialException>(() => new FactorialTokenSource(token, oauth).RefreshAsync().WaitAsync(Guard)),
        };
        if (status >= 400)
        {
            errors = [.. errors, await Assert.ThrowsAnyAsync<FactorialException>(() => oauth.RevokeAsync(token).WaitAsync(Guard))];
        }

        for (var i = 0; i < errors.Length; i++)
        {
            var error = errors[i];
            foreach (var secret in Secrets)
            {
                Assert.DoesNotContain(secret, error.ToString(), StringComparison.Ordinal);
            }

            // The server's own text (ErrorDescription) is kept for diagnosis, with every credential the request carried blanked out.
            string[] carried = [FakeFactorial.ClientSecret, i == 0 ? Code : RefreshToken];
            foreach (var text in TextsOf(error))
            {
                foreach (var secret in carried)
                {
                    Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
                }
            }

            for (var inner = error; inner is not null; inner = inner.InnerException)
            {
                Assert.DoesNotContain("Refit", inner.GetType().FullName!, StringComparison.Ordinal);
            }
        }

        foreach (var line in logs.AllText())
        {
            foreach (var secret in Secrets)
            {
                Assert.DoesNotContain(secret, line, StringComparison.Ordinal);
            }
        }
    }

    /// <summary>Every text an exception chain shows: each message and string property at every level.</summary>
    private static string[] TextsOf(Exception error)
    {
        var texts = new System.Collections.Generic.List<string>();
        for (var e = error; e is not null; e = e.InnerException)
        {
            texts.Add(e.Message);
            texts.AddRange(e.GetType().GetProperties().Where(p => p.PropertyType == typeof(string) && p.GetIndexParameters().Length == 0).Select(p => p.GetValue(e) as string ?? string.Empty));
        }

        return [.. texts];
    }
}
