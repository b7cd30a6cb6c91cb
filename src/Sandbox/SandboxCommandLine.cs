using System;
using System.Globalization;

namespace FactorialGen.Sandbox;

/// <summary>
/// The standalone sandbox's own options: <c>--token-lifetime &lt;seconds&gt;</c>, <c>--post-limit &lt;n&gt;</c> and
/// <c>--rate-window &lt;seconds&gt;</c> (see <see cref="SandboxOptions"/>). Everything else goes to ASP.NET Core
/// (<c>--urls</c>, …).
/// </summary>
internal static class SandboxCommandLine
{
    public static SandboxOptions Parse(string[] args)
    {
        var options = new SandboxOptions();
        for (int i = 0; i + 1 < args.Length; i++)
        {
            string value = args[i + 1];
            switch (args[i])
            {
                case "--token-lifetime":
                    options.AccessTokenLifetime = Seconds(args[i], value);
                    break;
                case "--post-limit":
                    options.PostLimit = int.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture);
                    break;
                case "--rate-window":
                    options.RateLimitWindow = Seconds(args[i], value);
                    break;
            }
        }

        return options;
    }

    private static TimeSpan Seconds(string name, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : throw new ArgumentException($"{name} takes a positive number of seconds, not '{value}'.", name);
}
