using System;
using System.Collections.Generic;
using System.Linq;
using FactorialGen.Sandbox.Api;
using FactorialGen.Sandbox.Data;
using FactorialGen.Sandbox.OAuth;

namespace FactorialGen.Sandbox;

/// <summary>Everything one running sandbox holds: options, counters, knobs, tokens and data.</summary>
internal sealed class SandboxState
{
    public SandboxState(SandboxOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        Clients = options.Clients.ToArray();
        Control = new SandboxControl(options.Latency);
        Data = Seeder.Create(options.Seed, options.EmployeeCount);
        Tokens = new TokenRegistry(options, Data.AdminEmployeeId);
        PostWindow = new PostWindow(options, Stats);
    }

    public SandboxOptions Options { get; }

    /// <summary>The clients registered when the server started.</summary>
    public IReadOnlyList<SandboxClient> Clients { get; }

    public SandboxStats Stats { get; } = new();

    public SandboxControl Control { get; }

    public SandboxData Data { get; }

    public TokenRegistry Tokens { get; }

    public RateLimiter RateLimiter { get; } = new();

    /// <summary>The company-wide POST limit and its measure.</summary>
    public PostWindow PostWindow { get; }
    /// <summary>Webhook subscriptions and the deliveries waiting to be sent.</summary>
    public Webhooks.SandboxWebhooks Webhooks { get; } = new();

    /// <summary>The current time, truncated to whole milliseconds (the precision timestamps are written with).</summary>
    public DateTimeOffset Now
    {
        get
        {
            DateTimeOffset now = Options.TimeProvider.GetUtcNow();
            return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond));
        }
    }

    public DateOnly Today => DateOnly.FromDateTime(Now.UtcDateTime);

    /// <summary>The client whose id and secret both match, or null.</summary>
    public SandboxClient? AuthenticateClient(string? clientId, string? clientSecret)
    {
        if (string.IsNullOrEmpty(clientId) || clientSecret is null)
        {
            return null;
        }

        SandboxClient? client = Clients.FirstOrDefault(c => c.ClientId == clientId);
        return client is not null && Secrets.SameText(client.ClientSecret, clientSecret) ? client : null;
    }
}
