using System;
using System.Security.Cryptography;
using System.Text;

namespace FactorialGen;

/// <summary>How secrets show up in text: never themselves, at most a short one-way fingerprint.</summary>
internal static class Secrets
{
    public const string Redacted = "***";

    /// <summary>First 8 hex digits of the SHA-256 of the secret: enough to tell two tokens apart in a log.</summary>
    public static string Fingerprint(string? secret)
    {
        if (string.IsNullOrEmpty(secret))
        {
            return "(none)";
        }

        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(secret), hash);
        return Convert.ToHexString(hash[..4]).ToLowerInvariant();
    }

    /// <summary>
    /// Compares two secrets in time that depends neither on where they differ nor on how long the presented one is:
    /// their SHA-256 hashes are compared, in fixed time.
    /// </summary>
    public static bool FixedTimeEquals(string? left, string? right)
    {
        if (left is null || right is null)
        {
            return false;
        }

        Span<byte> leftHash = stackalloc byte[32];
        Span<byte> rightHash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(left), leftHash);
        SHA256.HashData(Encoding.UTF8.GetBytes(right), rightHash);
        return CryptographicOperations.FixedTimeEquals(leftHash, rightHash);
    }
}
