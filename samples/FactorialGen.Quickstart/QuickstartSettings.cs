using System;
using System.Collections.Generic;
using System.IO;

namespace FactorialGen.Quickstart;

/// <summary>Command-line options, with FACTORIAL_* environment variables as fallback.</summary>
internal sealed record QuickstartSettings(
    Uri? BaseUrl,
    Uri? SandboxUrl,
    string? ClientId,
    string? ClientSecret,
    string? RedirectUri,
    string TokenFile,
    bool AllowWrites,
    bool TemporaryTokenFile)
{
    public const string Usage = """
        FactorialGen quickstart: the whole seed flow, against the local sandbox unless --base-url is given.
        It calls API version 2026-07-01, the version of the document its generated client is built from.

          --base-url <url>        Factorial host, e.g. https://api.factorialhr.com   (FACTORIAL_BASE_URL)
          --sandbox-url <url>     a sandbox already running, e.g. http://127.0.0.1:5080 (instead of starting one)
          --client-id <id>        OAuth application client id                      (FACTORIAL_CLIENT_ID)
          --client-secret <s>     OAuth application client secret                  (FACTORIAL_CLIENT_SECRET)
          --redirect-uri <uri>    redirect URI registered for the application      (FACTORIAL_REDIRECT_URI)
          --token-file <path>     where the token is kept (and left); default a temporary file, deleted at the end
          --allow-writes          clock in/out against the real API too (always on for the sandbox)
        """;

    public static QuickstartSettings Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var allowWrites = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--allow-writes":
                    allowWrites = true;
                    break;
                case "-h" or "--help":
                    throw new ArgumentException(Usage);
                case var name when name.StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length:
                    values[name[2..]] = args[++i];
                    break;
                default:
                    throw new ArgumentException($"Unknown argument '{args[i]}'.\n\n{Usage}");
            }
        }

        string? Get(string name, string variable) =>
            values.TryGetValue(name, out var value) ? value : Environment.GetEnvironmentVariable(variable) is { Length: > 0 } env ? env : null;

        var baseUrl = Get("base-url", "FACTORIAL_BASE_URL");
        var tokenFile = Get("token-file", "FACTORIAL_TOKEN_FILE");
        return new QuickstartSettings(
            baseUrl is null ? null : new Uri(baseUrl, UriKind.Absolute),
            Get("sandbox-url", "FACTORIAL_SANDBOX_URL") is { } sandboxUrl ? new Uri(sandboxUrl, UriKind.Absolute) : null,
            Get("client-id", "FACTORIAL_CLIENT_ID"),
            Get("client-secret", "FACTORIAL_CLIENT_SECRET"),
            Get("redirect-uri", "FACTORIAL_REDIRECT_URI"),
            tokenFile ?? Path.Combine(Path.GetTempPath(), $"factorialgen-quickstart-{Environment.ProcessId}", "token.json"),
            allowWrites,
            TemporaryTokenFile: tokenFile is null);
    }
}
