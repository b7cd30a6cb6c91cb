using System;

namespace FactorialGen.Quickstart;

/// <summary>Where the quickstart runs: a local sandbox (which supplies the authorization key itself) or the real API.</summary>
internal sealed record Target(Uri BaseAddress, bool IsSandbox)
{
    /// <summary>The sandbox's default OAuth application (see src/Sandbox/SandboxClient.cs).</summary>
    public const string SandboxClientId = "sandbox-client-id";

    /// <summary>The sandbox's default client secret: a well-known value of a local test server, not a secret.</summary>
    public const string SandboxClientSecret = "sandbox-client-secret";

    public static Target Sandbox(Uri baseAddress) => new(baseAddress, IsSandbox: true);

    public static Target RealApi(Uri baseAddress) => new(baseAddress, IsSandbox: false);
}
