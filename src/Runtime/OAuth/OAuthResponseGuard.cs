using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace FactorialGen.OAuth;

/// <summary>
/// Sits under the Refit client of the OAuth endpoints: every answer's body is read through a stream that stops at
/// <see cref="MaxBytes"/>, gives up after <see cref="BodyTimeout"/>, and honours the caller's cancellation (Refit reads
/// some bodies without passing a token on), so a hostile or stalled token endpoint can neither exhaust memory nor hold
/// a caller for ever.
/// </summary>
internal sealed class OAuthResponseGuard(HttpMessageHandler inner, bool ownsInner) : DelegatingHandler(inner)
{
    /// <summary>The largest OAuth answer read: token answers are a few hundred bytes.</summary>
    public const long MaxBytes = 1024 * 1024;

    /// <summary>The longest an answer's body may take to arrive once its headers came (HttpClient's own default).</summary>
    public static readonly TimeSpan BodyTimeout = TimeSpan.FromSeconds(100);

    /// <summary>The cancellation token of the OAuth call in progress on this async flow (set by <see cref="FactorialOAuth"/>).</summary>
    public static readonly AsyncLocal<CancellationToken> CallerCancellation = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var original = response.Content;
        if (original is null)
        {
            return response;
        }

        var body = await original.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var guarded = new StreamContent(new GuardedStream(body, original, MaxBytes, CallerCancellation.Value, BodyTimeout));
        foreach (var header in original.Headers)
        {
            guarded.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        response.Content = guarded;
        return response;
    }

    protected override void Dispose(bool disposing)
    {
        if (ownsInner)
        {
            base.Dispose(disposing);
        }
    }

    /// <summary>Reads up to a limit and a deadline, and gives up when the caller cancels even if the reader did not pass it on.</summary>
    private sealed class GuardedStream : Stream
    {
        private readonly Stream _inner;
        private readonly HttpContent _owner;
        private readonly long _limit;
        private readonly CancellationTokenSource _stop;
        private long _read;

        public GuardedStream(Stream inner, HttpContent owner, long limit, CancellationToken caller, TimeSpan timeout)
        {
            _inner = inner;
            _owner = owner;
            _limit = limit;
            _stop = CancellationTokenSource.CreateLinkedTokenSource(caller);
            _stop.CancelAfter(timeout);
        }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _read; set => throw new NotSupportedException(); }

        // A synchronous reader cannot be cancelled; it still gets the size limit (no blocking on async work here).
        public override int Read(byte[] buffer, int offset, int count) => Count(_inner.Read(buffer, offset, count));

        public override int Read(Span<byte> buffer) => Count(_inner.Read(buffer));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            using var both = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stop.Token);
            return Count(await _inner.ReadAsync(buffer, both.Token).ConfigureAwait(false));
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _stop.Dispose();
                _inner.Dispose();
                _owner.Dispose();
            }

            base.Dispose(disposing);
        }

        private int Count(int read)
        {
            _read += read;
            return _read > _limit ? throw new ResponseTooLargeException(_limit) : read;
        }
    }
}
