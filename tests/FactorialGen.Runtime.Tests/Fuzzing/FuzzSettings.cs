using System;
using System.Globalization;

namespace FactorialGen.Testing;

/// <summary>
/// How many cases a fuzz test runs, and from which seed. CI runs the defaults; a longer run sets
/// <c>FACTORIALGEN_FUZZ_COUNT</c> (e.g. 20000), and <c>FACTORIALGEN_FUZZ_SEED</c> replays another sequence. Every case
/// is generated from the seed and its case number alone, so a failing case is reproduced by its number alone.
/// </summary>
internal static class FuzzSettings
{
    public const int DefaultSeed = 20_260_302;

    public static int Seed => Read("FACTORIALGEN_FUZZ_SEED") ?? DefaultSeed;

    /// <summary>The number of cases: the environment variable when set, else <paramref name="ciDefault"/>.</summary>
    /// <param name="ciDefault">The count CI runs.</param>
    /// <param name="variable">The variable that overrides it (the generator's fuzz, whose cases each compile, has its own).</param>
    public static int Count(int ciDefault, string variable = "FACTORIALGEN_FUZZ_COUNT") => Read(variable) ?? ciDefault;

    /// <summary>The generator of one case: a mix of seed and case number, so two seeds never share cases.</summary>
    public static Random For(int caseNumber) =>
        new(unchecked((int)(((((ulong)(uint)Seed << 32) | (uint)caseNumber) * 0x9E3779B97F4A7C15UL) >> 33)));

    private static int? Read(string name) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= 0 ? value : null;
}
