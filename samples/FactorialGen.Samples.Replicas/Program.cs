using System;
using System.Threading.Tasks;

namespace FactorialGen.Samples.Replicas;

/// <summary>
/// Many replicas, one Factorial token, one request budget: starts Redis (unless <c>--redis</c> names one), the sandbox
/// as a separate process and <c>--replicas</c> replica processes of this program, then prints one JSON line with the
/// figures. <c>dotnet run --project samples/FactorialGen.Samples.Replicas -- --replicas 4 --calls 50 --lifetimes 10
/// --token-lifetime 10 --posts 1000</c>.
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        try
        {
            if (args is ["replica", ..])
            {
                return await ReplicaProcess.RunAsync(args[1..]);
            }

            var figures = await Orchestrator.RunAsync(ReplicaSettings.Parse(args));
            Console.WriteLine(figures);
            return 0;
        }
        catch (Exception ex) when (ex is ArgumentException or FactorialException or InvalidOperationException or TimeoutException)
        {
            // FactorialGen's messages never hold a token or a secret.
            await Console.Error.WriteLineAsync($"{ex.GetType().Name}: {ex.Message}");
            return 1;
        }
    }
}
