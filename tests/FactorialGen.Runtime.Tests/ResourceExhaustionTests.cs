using System;
using System.Buffers;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Xunit.Abstractions;

namespace FactorialGen.Tests;

/// <summary>
/// Resource exhaustion by a hostile API server on loopback (a real Kestrel server): a body that stalls or drips a byte
/// at a time fails with a typed time-out within <see cref="FactorialClientOptions.Timeout"/> on every reading path and
/// construction path; an announced <c>Content-Length</c> reserves only a small buffer; a body over
/// <see cref="FactorialClientOptions.MaxResponseBytes"/> is a typed error; large buffers never go back to the shared pool.
/// </summary>
[Collection(MemoryMeasurements.Name)] // GC figures are process-wide: nothing else runs while they are taken
public sealed class ResourceExhaustionTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1.5);
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(4); // scheduling on a busy 2-core machine, not luck in the result
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(40); // only a call that never times out reaches this

    public static TheoryData<string, string> PathsAndBodies()
    {
        var data = new TheoryData<string, string>();
        foreach (var path in new[] { "GetPageAsync", "ListAllAsync (pages, prefetch 3)", "SendAsync<T>", "SendJsonAsync", "error body" })
        {
            foreach (var body in new[] { "drips", "stalls" })
            {
                data.Add(path, body);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PathsAndBodies))]
    public async Task Body_that_drips_or_stalls_fails_typed_within_the_client_timeout(string path, string body)
    {
        await using var server = await HostileServer.StartAsync();
        server.Handle(ctx => SlowBody(ctx, path == "error body" ? 500 : 200, drip: body == "drips", contentLength: null));
        using var connection = new FactorialConnection(new FactorialApiKey("key"), new FactorialClientOptions { BaseAddress = server.BaseAddress, Timeout = Timeout });

        var (error, elapsed) = await Measure(() => Read(path, connection));

        AssertTypedTimeout(path, error, elapsed);
    }

    public static TheoryData<string> Constructions => ["API key", "OAuth token", "caller's HttpClient", "PrimaryHandler"];

    [Theory]
    [MemberData(nameof(Constructions))]
    public async Task Dripping_body_times_out_on_every_construction_path(string construction)
    {
        await using var server = await HostileServer.StartAsync();
        server.Handle(ctx => SlowBody(ctx, 200, drip: true, contentLength: null));
        var options = new FactorialClientOptions { BaseAddress = server.BaseAddress, Timeout = Timeout };
        using var handler = new SocketsHttpHandler { AllowAutoRedirect = false };
        using var callerHttp = new HttpClient(new PassThroughHandler(handler, disposeInner: false) { OnRequest = request => request.Headers.TryAddWithoutValidation("x-api-key", "key") }) { BaseAddress = server.BaseAddress };
        using var connection = construction switch
        {
            "API key" => new FactorialConnection(new FactorialApiKey("key"), options),
            "OAuth token" => new FactorialConnection(FactorialToken.FromAccessToken("access", FactorialScope.ReadWrite), new InMemoryTokenStore(), options),
            "caller's HttpClient" => new FactorialConnection(callerHttp, options),
            _ => new FactorialConnection(new FactorialApiKey("key"), new FactorialClientOptions { BaseAddress = server.BaseAddress, Timeout = Timeout, PrimaryHandler = handler }),
        };

        var (error, elapsed) = await Measure(() => Read("GetPageAsync", connection));

        AssertTypedTimeout("GetPageAsync", error, elapsed);
    }

    [Fact]
    public async Task Announced_content_length_reserves_only_a_small_buffer()
    {
        // 24 answers at once announce 64 MiB each, send 16 bytes and stall: before, each reserved the whole announced
        // length up front (24 × 128 MiB from the shared pool: 3.2 GiB, then OutOfMemoryException).
        const int Responses = 24;
        const long Announced = 64L * 1024 * 1024;
        await using var server = await HostileServer.StartAsync();
        server.Handle(ctx => SlowBody(ctx, 200, drip: false, contentLength: Announced));
        using var connection = new FactorialConnection(new FactorialApiKey("key"), new FactorialClientOptions
        {
            BaseAddress = server.BaseAddress,
            Timeout = TimeSpan.FromSeconds(3),
            MaxResponseBytes = 2 * Announced, // so the announced length is not refused up front: the buffer is what is measured
        });
        await ReadAll(); // warm-up: connections, JIT, Kestrel's own buffers

        var memoryBefore = GC.GetTotalMemory(forceFullCollection: true);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var errors = await ReadAll();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var grown = GC.GetTotalMemory(forceFullCollection: false) - memoryBefore;

        output.WriteLine($"{Responses} concurrent answers announcing {Announced / (1024 * 1024)} MiB: {allocated / 1024.0 / 1024.0:0.00} MiB allocated, managed heap grew {grown / 1024.0 / 1024.0:0.00} MiB");
        Assert.All(errors, e => Assert.IsType<FactorialNetworkException>(e)); // each stalled answer timed out, typed
        Assert.True(allocated < 64L * 1024 * 1024, $"{allocated:N0} bytes allocated for {Responses} tiny bodies");
        Assert.True(grown < 64L * 1024 * 1024, $"the managed heap grew by {grown:N0} bytes");

        async Task<Exception[]> ReadAll() => await Task.WhenAll(Enumerable.Range(0, Responses).Select(async _ =>
        {
            try
            {
                await connection.SendJsonAsync(new FactorialRequest(HttpMethod.Get, "employees/employees/1")).WaitAsync(Guard);
                return new InvalidOperationException("a 16-byte body of a 64 MiB announcement was taken as complete");
            }
            catch (Exception ex)
            {
                return ex;
            }
        }));
    }

    [Fact]
    public async Task Body_announced_over_the_default_cap_is_refused_typed_before_it_is_read()
    {
        await using var server = await HostileServer.StartAsync();
        server.Handle(ctx => SlowBody(ctx, 200, drip: false, contentLength: 64L * 1024 * 1024));
        using var connection = new FactorialConnection(new FactorialApiKey("key"), new FactorialClientOptions { BaseAddress = server.BaseAddress });

        var error = await Assert.ThrowsAsync<FactorialResponseTooLargeException>(() => connection.SendJsonAsync(new FactorialRequest(HttpMethod.Get, "employees/employees/1")).WaitAsync(Guard));

        Assert.Equal(32L * 1024 * 1024, FactorialClientOptions.DefaultMaxResponseBytes);
        Assert.Equal(FactorialClientOptions.DefaultMaxResponseBytes, error.Limit);
        Assert.Equal(64L * 1024 * 1024, error.AnnouncedLength);
        Assert.Contains("MaxResponseBytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Body_without_a_length_over_the_cap_is_cut_there_with_a_typed_error()
    {
        const int Cap = 256 * 1024;
        await using var server = await HostileServer.StartAsync();
        server.Handle(async ctx =>
        {
            ctx.Response.ContentType = "application/json";
            await ctx.Response.WriteAsync("[");
            var chunk = new string(' ', 16 * 1024);
            for (var i = 0; i < 1024 && !ctx.RequestAborted.IsCancellationRequested; i++) // 16 MiB at most
            {
                await ctx.Response.WriteAsync(chunk, ctx.RequestAborted);
            }
        });
        using var connection = new FactorialConnection(new FactorialApiKey("key"), new FactorialClientOptions { BaseAddress = server.BaseAddress, MaxResponseBytes = Cap });

        var error = await Assert.ThrowsAsync<FactorialResponseTooLargeException>(() => connection.GetPageAsync(new FactorialRequest(HttpMethod.Get, "employees/employees"), FactorialGen.Runtime.Generated.FactorialJsonTypes.Element).WaitAsync(Guard));

        Assert.Equal(Cap, error.Limit);
        Assert.Null(error.AnnouncedLength);
    }

    [Fact]
    public void Buffers_above_the_pooled_size_never_go_back_to_the_shared_pool()
    {
        var large = BodyBufferPool.Rent(4 * BodyBufferPool.MaxPooledBytes);
        BodyBufferPool.Return(large);
        var next = ArrayPool<byte>.Shared.Rent(4 * BodyBufferPool.MaxPooledBytes);
        ArrayPool<byte>.Shared.Return(next);

        Assert.NotSame(large, next); // the shared pool hands back what it was given: it was given nothing
        Assert.True(BodyBufferPool.MaxPooledBytes <= 1024 * 1024);
        Assert.True(ResponseBodyReader.MaxPreallocatedBytes <= 128 * 1024);

        var small = BodyBufferPool.Rent(64 * 1024);
        BodyBufferPool.Return(small);
        Assert.Same(small, ArrayPool<byte>.Shared.Rent(64 * 1024)); // pool-sized buffers are reused (same thread)
    }

    private static async Task SlowBody(HttpContext ctx, int status, bool drip, long? contentLength)
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "application/json";
        if (contentLength is { } length)
        {
            ctx.Response.ContentLength = length;
        }

        await ctx.Response.WriteAsync(status == 200 ? "{\"data\": [        " : "{\"error\": \"x\",   ");
        await ctx.Response.Body.FlushAsync();
        try
        {
            if (!drip)
            {
                await Task.Delay(System.Threading.Timeout.Infinite, ctx.RequestAborted);
            }

            for (var i = 0; i < 240; i++) // a byte every 250 ms: a minute at most
            {
                await Task.Delay(250, ctx.RequestAborted);
                await ctx.Response.WriteAsync(" ", ctx.RequestAborted);
                await ctx.Response.Body.FlushAsync(ctx.RequestAborted);
            }

            await ctx.Response.WriteAsync("]}");
        }
        catch (OperationCanceledException)
        {
            // the client gave up: what these tests want
        }
    }

    private static Task Read(string path, FactorialConnection connection)
    {
        var list = new FactorialRequest(HttpMethod.Get, "employees/employees");
        var element = FactorialGen.Runtime.Generated.FactorialJsonTypes.Element;
        return path switch
        {
            "GetPageAsync" or "error body" => connection.GetPageAsync(list, element),
            "ListAllAsync (pages, prefetch 3)" => Drain(connection.ListAllAsync(list, element, new FactorialPaging { Mode = FactorialPagingMode.Page, Prefetch = 3 })),
            "SendAsync<T>" => connection.SendAsync(new FactorialRequest(HttpMethod.Get, "employees/employees/1"), element),
            "SendJsonAsync" => connection.SendJsonAsync(new FactorialRequest(HttpMethod.Get, "employees/employees/1")),
            _ => throw new ArgumentOutOfRangeException(nameof(path)),
        };

        static async Task Drain<T>(IAsyncEnumerable<T> items)
        {
            await foreach (var _ in items)
            {
            }
        }
    }

    private static async Task<(Exception? Error, TimeSpan Elapsed)> Measure(Func<Task> call)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            await call().WaitAsync(Guard);
            return (null, clock.Elapsed);
        }
        catch (Exception ex)
        {
            return (ex, clock.Elapsed);
        }
    }

    private static void AssertTypedTimeout(string path, Exception? error, TimeSpan elapsed)
    {
        Assert.False(error is TimeoutException, $"the call was still running after {Guard.TotalSeconds} s");
        Assert.NotNull(error);
        if (path == "error body")
        {
            // The status is Factorial's answer and stays the error; the body that never completed is its inner exception.
            var api = Assert.IsType<FactorialApiException>(error);
            Assert.Equal(HttpStatusCode.InternalServerError, api.StatusCode);
            Assert.Null(api.ResponseBody);
            var timeout = Assert.IsType<FactorialNetworkException>(api.InnerException);
            Assert.Contains("Timeout", timeout.Message, StringComparison.Ordinal);
        }
        else
        {
            var timeout = Assert.IsType<FactorialNetworkException>(error);
            Assert.Contains("stopped arriving", timeout.Message, StringComparison.Ordinal);
        }

        Assert.InRange(elapsed, Timeout - TimeSpan.FromMilliseconds(100), Timeout + Slack);
    }
}

/// <summary>Tests that take process-wide GC figures run alone, after the parallel ones.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryMeasurements
{
    public const string Name = "Memory measurements";
}
