// The command-line host's job is to print the sandbox's address and credentials for a person to read: the console is
// its user interface. Everything else in src/ is a library and may not touch it (BannedSymbols.txt).
#pragma warning disable RS0030

using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FactorialGen.Sandbox;

/// <summary>
/// Runs the sandbox on its own: <c>dotnet run --project src/Sandbox -- --urls http://127.0.0.1:5080</c>,
/// optionally with <c>--token-lifetime &lt;seconds&gt;</c>, <c>--post-limit &lt;n&gt;</c> and <c>--rate-window &lt;seconds&gt;</c>
/// (<see cref="SandboxCommandLine"/>); counters at <c>GET /sandbox/stats</c>. Only loopback addresses are accepted;
/// Ctrl+C stops the server.
/// </summary>
internal static class Program
{
    private const string DefaultUrl = "http://127.0.0.1:5080";

    public static async Task<int> Main(string[] args)
    {
        SandboxState state;
        try
        {
            state = new SandboxState(SandboxCommandLine.Parse(args));
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 2;
        }

        string? refused = null;
        WebApplication app = SandboxHost.Build(
            state,
            new WebApplicationOptions { Args = args, ApplicationName = typeof(Program).Assembly.GetName().Name },
            builder =>
            {
                builder.Logging.SetMinimumLevel(LogLevel.Warning);
                string urls = builder.Configuration["urls"] is { Length: > 0 } configured ? configured : DefaultUrl;
                refused = urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .FirstOrDefault(url => !IsLoopback(url));
                builder.WebHost.UseUrls(urls);
            });

        if (refused is not null)
        {
            await Console.Error.WriteLineAsync($"Refusing to listen on '{refused}': the sandbox only binds to loopback addresses (127.0.0.1, [::1], localhost).");
            return 2;
        }

        await app.StartAsync();
        SandboxClient client = SandboxClient.Default;
        Console.WriteLine("Factorial sandbox is running.");
        foreach (string url in app.Urls)
        {
            Console.WriteLine($"  Base address:   {url.TrimEnd('/')}/");
        }

        Console.WriteLine($"  Client id:      {client.ClientId}");
        Console.WriteLine($"  Client secret:  {client.ClientSecret}");
        Console.WriteLine($"  Redirect URIs:  {string.Join(", ", client.RedirectUris)}");
        Console.WriteLine($"  API key:        {state.Tokens.IssueApiKey()}");
        Console.WriteLine($"  Token lifetime: {state.Options.AccessTokenLifetime.TotalSeconds} s; POST limit: {(state.Options.PostLimit is int limit ? $"{limit} per {state.Options.RateLimitWindow.TotalSeconds} s" : "none")}");
        Console.WriteLine("  Signed-in user: employee 1 (admin). Press Ctrl+C to stop.");
        await app.WaitForShutdownAsync();
        return 0;
    }

    private static bool IsLoopback(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out Uri? uri))
        {
            return false;
        }

        return uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out IPAddress? address) && IPAddress.IsLoopback(address));
    }
}
