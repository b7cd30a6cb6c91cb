namespace FactorialGen.Analyzers.Tests;

/// <summary>Shared source prefixes for the flow tests, so each case shows only the code it is about.</summary>
internal static class Sources
{
    /// <summary>The usings every flow case needs; cases append their own types after it.</summary>
    public const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Threading;
        using System.Threading.Tasks;
        using Acme.Hr;
        using FactorialGen;


        """;
}
