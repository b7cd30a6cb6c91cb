using System;
using System.Buffers;

namespace FactorialGen;

/// <summary>
/// Buffers for response bodies: from <see cref="ArrayPool{T}.Shared"/> up to <see cref="MaxPooledBytes"/>, plain arrays
/// above it. Only pool-sized arrays go back to the pool, so one large answer never stays pinned in the shared pool
/// for the life of the process.
/// </summary>
internal static class BodyBufferPool
{
    /// <summary>The largest buffer taken from and given back to the shared pool.</summary>
    public const int MaxPooledBytes = 1024 * 1024;

    /// <summary>A buffer of at least <paramref name="minimumLength"/> bytes.</summary>
    public static byte[] Rent(int minimumLength) => minimumLength <= MaxPooledBytes
        ? ArrayPool<byte>.Shared.Rent(minimumLength)
        : GC.AllocateUninitializedArray<byte>(minimumLength);

    /// <summary>Gives <paramref name="buffer"/> back: to the pool when it is pool-sized, else to the garbage collector.</summary>
    public static void Return(byte[]? buffer)
    {
        if (buffer is { Length: <= MaxPooledBytes })
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
