using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace FactorialGen.Testing;

/// <summary>
/// A response body that can be read once, front to back, and reports no length: at most <paramref name="chunk"/> bytes
/// per read; with <paramref name="breakAfter"/>, the connection drops (an <see cref="IOException"/>) after that many bytes.
/// </summary>
internal sealed class OneWayStream(byte[] data, int chunk = int.MaxValue, int? breakAfter = null) : Stream
{
    private int _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => _position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var end = breakAfter is { } limit ? Math.Min(limit, data.Length) : data.Length;
        var n = Math.Min(Math.Min(count, chunk), end - _position);
        if (breakAfter is not null && n <= 0)
        {
            throw new IOException("The connection was reset by the peer (injected).");
        }

        Array.Copy(data, _position, buffer, offset, n);
        _position += n;
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

/// <summary>A response body of a prefix, then one chunk repeated for ever; counts what was read.</summary>
internal sealed class EndlessStream(byte[] prefix, byte[] chunk) : ReadOnlyStream
{
    private long _position;

    public long BytesRead => Interlocked.Read(ref _position);

    public override int Read(byte[] buffer, int offset, int count)
    {
        ObjectDisposedException.ThrowIf(Disposed, this);
        var n = 0;
        while (n < count)
        {
            var at = _position + n;
            buffer[offset + n] = at < prefix.Length ? prefix[at] : chunk[(at - prefix.Length) % chunk.Length];
            n++;
        }

        Interlocked.Add(ref _position, n);
        return n;
    }
}

/// <summary>A response body that gives its bytes, then waits for more that never come, until the read is cancelled.</summary>
internal sealed class StallingStream(byte[] start) : ReadOnlyStream
{
    private readonly TaskCompletionSource _stalled = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _position;

    public Task Stalled => _stalled.Task;

    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_position < start.Length)
        {
            var n = Math.Min(buffer.Length, start.Length - _position);
            start.AsMemory(_position, n).CopyTo(buffer);
            _position += n;
            return n;
        }

        _stalled.TrySetResult();
        await Task.Delay(Timeout.Infinite, cancellationToken);
        return 0;
    }
}

/// <summary>The plumbing of a read-only, unseekable stream that knows whether it was disposed.</summary>
internal abstract class ReadOnlyStream : Stream
{
    public bool Disposed { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var array = new byte[buffer.Length];
        var n = Read(array, 0, array.Length);
        array.AsMemory(0, n).CopyTo(buffer);
        return new ValueTask<int>(n);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        Disposed = true;
        base.Dispose(disposing);
    }
}
