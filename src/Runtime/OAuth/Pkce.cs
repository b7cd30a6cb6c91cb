using System;
using System.Security.Cryptography;
using System.Text;

namespace FactorialGen.OAuth;

/// <summary>Random values for the authorization request: state, and the PKCE S256 pair (RFC 7636).</summary>
internal static class Pkce
{
    public static string NewState() => RandomUrlSafe(32);

    public static string NewVerifier() => RandomUrlSafe(32);

    public static string ChallengeOf(string verifier) => Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    private static string RandomUrlSafe(int bytes) => Base64Url(RandomNumberGenerator.GetBytes(bytes));

    private static string Base64Url(byte[] data) =>
        Convert.ToBase64String(data).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
