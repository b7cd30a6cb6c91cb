using System;
using FactorialGen.Runtime.Generated;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using FactorialGen.Testing;
using Xunit.Abstractions;

namespace FactorialGen.Tests;

/// <summary>
/// Generated malformed and hostile answers (see <see cref="HostileBodies"/>) driven through every reading path of the
/// request layer and of the OAuth flow. The only acceptable outcomes are a result or one of FactorialGen's typed
/// exceptions: never a NullReferenceException, an InvalidCastException, another raw exception, or a hang.
/// CI runs 1,000 cases; FACTORIALGEN_FUZZ_COUNT=20000 runs a longer sequence (see <see cref="FuzzSettings"/>).
/// </summary>
public sealed class HostileResponseFuzzTests(ITestOutputHelper output)
{
    private const int CiCount = 1_000;
    private const int MaxBytes = 64 * 1024;
    private static readonly TimeSpan PerCase = TimeSpan.FromSeconds(30); // a hang, not a slow case, reaches this

    private static readonly string ItemJson = """
        {"id": 7, "name": "Ana", "kind": "full", "when": "2026-03-02T09:00:00Z", "tags": ["a", "b"], "amount": 12.5,
         "nested": {"id": 8, "name": "x", "kind": "half", "tags": []}}
        """;

    private static readonly string[] Bases =
    [
        ItemJson,
        $"[{ItemJson}, {ItemJson}]",
        "{\"data\": [" + ItemJson + ", " + ItemJson + "], \"meta\": {\"limit\": 2, \"total\": 10, \"has_next_page\": true, \"has_previous_page\": false, \"start_cursor\": \"7\", \"end_cursor\": \"8\"}}",
        """{"data": [], "meta": {"limit": null, "total": 0, "has_next_page": false, "end_cursor": null}}""",
        """{"error": "not_found", "error_description": "No such record", "message": "Not found"}""",
        """{"access_token": "at-1", "token_type": "Bearer", "expires_in": 7200, "refresh_token": "rt-1", "scope": "read write", "created_at": 1772442000}""",
    ];

    private static readonly HttpStatusCode[] Statuses =
    [
        HttpStatusCode.Created, HttpStatusCode.NoContent, HttpStatusCode.MovedPermanently, HttpStatusCode.Found, HttpStatusCode.NotModified,
        HttpStatusCode.BadRequest, HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden, HttpStatusCode.NotFound, HttpStatusCode.Conflict,
        HttpStatusCode.UnprocessableEntity, HttpStatusCode.TooManyRequests, HttpStatusCode.InternalServerError, HttpStatusCode.BadGateway,
        HttpStatusCode.ServiceUnavailable, (HttpStatusCode)299, (HttpStatusCode)418, (HttpStatusCode)599, (HttpStatusCode)999,
    ];

    private static readonly string[] Targets =
    [
        "SendAsync<T>", "SendJsonAsync", "SendAsync", "GetPageAsync", "ListAllAsync (cursor)", "ListAllAsync (pages, prefetch)",
        "SendAsync<T> with an OAuth token", "ObtainAccessTokenAsync", "RefreshAccessTokenAsync", "RevokeAsync",
    ];

    [Fact]
    public async Task Hostile_answers_give_only_results_or_typed_exceptions()
    {
        var count = FuzzSettings.Count(CiCount);
        var handler = new FuzzHandler();
        var options = new FactorialClientOptions { PrimaryHandler = handler, MaxResponseBytes = MaxBytes, MaxErrorBodyChars = 2_000 };
        using var apiKey = new FactorialConnection(new FactorialApiKey("fuzz-key"), options);
        using var withToken = new FactorialConnection(
            new FactorialToken("fuzz-access", "fuzz-refresh", FactorialScope.ReadWrite, DateTimeOffset.UtcNow, expiresAt: null),
            new InMemoryTokenStore(),
            new FactorialClientOptions { PrimaryHandler = handler, MaxResponseBytes = MaxBytes, MaxErrorBodyChars = 2_000 });
        using var oauth = new FactorialOAuth(new FactorialApp("id", "fuzz-secret", FactorialApp.OutOfBandRedirectUri), new FactorialOAuthOptions { HttpMessageHandler = handler });

        var failures = new List<string>();
        var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();
        for (var number = 0; number < count && failures.Count < 20; number++)
        {
            var fuzzCase = FuzzCase.Create(number);
            handler.Current = fuzzCase;
            string outcome;
            try
            {
                outcome = await Run(fuzzCase.Target, apiKey, withToken, oauth).WaitAsync(PerCase);
            }
            catch (TimeoutException)
            {
                failures.Add($"case {number} HUNG: {fuzzCase}");
                continue;
            }
            catch (FactorialException ex)
            {
                outcome = ex.GetType().Name;
                if (Problem(ex) is { } problem)
                {
                    failures.Add($"case {number}: {outcome} {problem}\n    {fuzzCase}");
                    continue;
                }
            }
            catch (Exception ex)
            {
                failures.Add($"case {number}: {ex.GetType().FullName}: {ex.Message}\n    {fuzzCase}\n    {ex.StackTrace?.Split('\n').FirstOrDefault()?.Trim()}");
                continue;
            }

            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }

        output.WriteLine($"{count} cases (seed {FuzzSettings.Seed}) in {clock.Elapsed.TotalSeconds:0.0} s, {handler.Requests} requests: "
            + string.Join(", ", outcomes.OrderByDescending(p => p.Value).Select(p => $"{p.Key} {p.Value}")));
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(outcomes.Count >= 5, "the cases should reach several different outcomes"); // the generator is not degenerate
    }

    [Theory]
    [InlineData(new byte[] { 0xC3, 0x28 })]
    [InlineData(new byte[] { (byte)'\\', (byte)'u', (byte)'d', (byte)'8', (byte)'0', (byte)'0' })]
    public async Task Days_off_query_turns_an_unreadable_string_into_a_typed_error(byte[] badString)
    {
        byte[] employee = [.. "{\"id\": \"1\", \"location_id\": \""u8.ToArray(), .. badString, .. "\"}"u8.ToArray()];
        var handler = new FuzzHandler { Current = new FuzzCase(0, "days off", HttpStatusCode.OK, "application/json", employee, "bad string", null, null, null) };
        using var connection = new FactorialConnection(new FactorialApiKey("key"), new FactorialClientOptions { PrimaryHandler = handler });

        await Assert.ThrowsAsync<FactorialInvalidResponseException>(
            () => FactorialDaysOffQuery.GetAsync(connection, "2026-07-01", "1", new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31), includeWeekends: false));
    }

    private static async Task<string> Run(string target, FactorialConnection apiKey, FactorialConnection withToken, FactorialOAuth oauth)
    {
        var item = new FactorialRequest(HttpMethod.Get, "fuzz/items/7");
        var list = new FactorialRequest(HttpMethod.Get, "fuzz/items");
        switch (target)
        {
            case "SendAsync<T>":
                Assert.NotNull(await apiKey.SendAsync(item, FuzzJsonContext.Default.FuzzItem));
                return "result";
            case "SendJsonAsync":
                await apiKey.SendJsonAsync(item);
                return "result";
            case "SendAsync":
                await apiKey.SendAsync(new FactorialRequest(HttpMethod.Post, "fuzz/items").WithContent(new StringContent("{\"name\": \"n\"}", Encoding.UTF8, "application/json")));
                return "result";
            case "GetPageAsync":
                var page = await apiKey.GetPageAsync(list, FuzzJsonContext.Default.FuzzItem);
                Assert.DoesNotContain(null, page.Items);
                return "result";
            case "ListAllAsync (cursor)":
                return await Drain(apiKey.ListAllAsync(list, FuzzJsonContext.Default.FuzzItem, new FactorialPaging { MaxPages = 3 }));
            case "ListAllAsync (pages, prefetch)":
                return await Drain(apiKey.ListAllAsync(list, FuzzJsonContext.Default.FuzzItem, new FactorialPaging { MaxPages = 3, Limit = 2, Mode = FactorialPagingMode.Page, Prefetch = 2 }));
            case "SendAsync<T> with an OAuth token":
                Assert.NotNull(await withToken.SendAsync(item, FuzzJsonContext.Default.FuzzItem));
                return "result";
            case "ObtainAccessTokenAsync":
                Assert.False(string.IsNullOrEmpty((await oauth.ObtainAccessTokenAsync("fuzz-key")).AccessToken));
                return "result";
            case "RefreshAccessTokenAsync":
                Assert.False(string.IsNullOrEmpty((await oauth.RefreshAccessTokenAsync("fuzz-refresh")).AccessToken));
                return "result";
            default:
                await oauth.RevokeAsync(FactorialToken.FromAccessToken("fuzz-access", FactorialScope.Read));
                return "result";
        }
    }

    private static async Task<string> Drain(IAsyncEnumerable<FuzzItem> items)
    {
        var count = 0;
        await foreach (var item in items)
        {
            Assert.NotNull(item);
            count++;
        }

        return "result";
    }

    private static string? Problem(FactorialException error)
    {
        var text = error.ToString();
        if (string.IsNullOrWhiteSpace(error.Message))
        {
            return "has no message";
        }

        if (text.Contains("fuzz-secret", StringComparison.Ordinal) || error.Message.Contains("fuzz-key", StringComparison.Ordinal) || error.Message.Contains("fuzz-access", StringComparison.Ordinal))
        {
            return "shows a secret";
        }

        return error is FactorialApiException { ResponseBody.Length: > 2_000 } ? "keeps more of the error body than MaxErrorBodyChars" : null;
    }

    /// <summary>One generated answer: status, headers, body, and which path of the client reads it.</summary>
    private sealed record FuzzCase(int Number, string Target, HttpStatusCode Status, string? MediaType, byte[] Body, string Description, string? RetryAfter, string? WwwAuthenticate, int? BreakAfterBytes)
    {
        public static FuzzCase Create(int number)
        {
            var random = FuzzSettings.For(number);
            var target = Targets[random.Next(Targets.Length)];
            var oauthTarget = target is "ObtainAccessTokenAsync" or "RefreshAccessTokenAsync" or "RevokeAsync";
            var baseJson = oauthTarget && random.Next(3) > 0 ? Bases[5] : Bases[random.Next(Bases.Length)];
            var mutation = random.Next(10) == 0 ? new HostileBodies.Mutation(Encoding.UTF8.GetBytes(baseJson), "unchanged") : HostileBodies.Mutate(random, baseJson, MaxBytes);
            var status = random.Next(100) < 65 ? HttpStatusCode.OK : Statuses[random.Next(Statuses.Length)];
            var retryAfter = random.Next(4) == 0 ? new[] { "1", "-5", "Wed, 21 Oct 2015 07:28:00 GMT", "soon", "99999999999", string.Empty }[random.Next(6)] : null;
            var challenge = random.Next(4) == 0 ? new[] { "Bearer error=\"insufficient_scope\"", "Bearer", "Basic realm=x", "Bearer error=\"insufficient_scope\", scope=\"read\"", ";;" }[random.Next(5)] : null;
            int? breakAfter = random.Next(20) == 0 ? random.Next(mutation.Body.Length + 1) : null;
            return new FuzzCase(number, target, status, HostileBodies.MediaType(random), mutation.Body, mutation.Description, retryAfter, challenge, breakAfter);
        }

        public override string ToString() =>
            $"{Target} <- {(int)Status} {MediaType ?? "(no type)"}, {Body.Length} bytes [{Description}]{(BreakAfterBytes is { } b ? $", connection drops after {b} bytes" : string.Empty)}"
            + $"{(RetryAfter is null ? string.Empty : $", Retry-After '{RetryAfter}'")}{(WwwAuthenticate is null ? string.Empty : $", WWW-Authenticate '{WwwAuthenticate}'")}: "
            + Encoding.UTF8.GetString(Body, 0, Math.Min(Body.Length, 160)).ReplaceLineEndings(" ");
    }

    /// <summary>Answers every request with the current case (a fresh response each time).</summary>
    private sealed class FuzzHandler : HttpMessageHandler
    {
        private int _requests;

        public FuzzCase? Current { get; set; }

        public int Requests => _requests;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _requests);
            var fuzzCase = Current!;
            HttpContent content = fuzzCase.BreakAfterBytes is { } limit
                ? new StreamContent(new OneWayStream(fuzzCase.Body, breakAfter: limit))
                : new ByteArrayContent(fuzzCase.Body);
            if (fuzzCase.MediaType is not null)
            {
                content.Headers.TryAddWithoutValidation("Content-Type", fuzzCase.MediaType);
            }

            var response = new HttpResponseMessage(fuzzCase.Status) { Content = content, RequestMessage = request };
            if (fuzzCase.RetryAfter is not null)
            {
                response.Headers.TryAddWithoutValidation("Retry-After", fuzzCase.RetryAfter);
            }

            if (fuzzCase.WwwAuthenticate is not null)
            {
                response.Headers.TryAddWithoutValidation("WWW-Authenticate", fuzzCase.WwwAuthenticate);
            }

            return Task.FromResult(response);
        }
    }
}

internal enum FuzzKind
{
    Full,
    Half,
}

/// <summary>A model with every kind of member a generated one has: required ones, an enum, dates, lists, nesting.</summary>
internal sealed class FuzzItem
{
    [JsonPropertyName("id")]
    [JsonRequired]
    public long Id { get; init; }

    [JsonPropertyName("name")]
    public required string Name { get; init; }

    [JsonPropertyName("kind")]
    public FuzzKind? Kind { get; init; }

    [JsonPropertyName("when")]
    public DateTimeOffset? When { get; init; }

    [JsonPropertyName("tags")]
    public List<string>? Tags { get; init; }

    [JsonPropertyName("amount")]
    public decimal? Amount { get; init; }

    [JsonPropertyName("nested")]
    public FuzzItem? Nested { get; init; }
}

[JsonSourceGenerationOptions(NumberHandling = JsonNumberHandling.AllowReadingFromString, UseStringEnumConverter = true, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(FuzzItem))]
internal sealed partial class FuzzJsonContext : JsonSerializerContext
{
}
