using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace FactorialGen.Sandbox.OAuth;

/// <summary>Proof Key for Code Exchange (RFC 7636), S256 method only.</summary>
internal static class Pkce
{
    public const string S256 = "S256";

    public static bool Verify(string codeChallenge, string? codeVerifier)
    {
        if (string.IsNullOrEmpty(codeVerifier) || codeVerifier.Length is < 43 or > 128)
        {
            return false;
        }

        byte[] hash = SHA256.HashData(Encoding.ASCII.GetBytes(codeVerifier));
        string expected = Base64Url.EncodeToString(hash);
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(codeChallenge));
    }
}

/// <summary>Random, URL-safe secrets for codes, tokens and API keys.</summary>
internal static class Secrets
{
    /// <summary>32 random bytes in base64url: 43 characters.</summary>
    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static bool SameText(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));
}
