using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using FactorialGen.Generator.Model;
using Microsoft.CodeAnalysis;

namespace FactorialGen.Generator.Diagnostics;

/// <summary>Turns collected <see cref="DiagnosticInfo"/>s into reported diagnostics.</summary>
internal static class DiagnosticReporter
{
    private static readonly Dictionary<string, DiagnosticDescriptor> ById = typeof(Descriptors)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => f.GetValue(null))
        .OfType<DiagnosticDescriptor>()
        .ToDictionary(d => d.Id);

    public static void Report(SourceProductionContext context, EquatableArray<DiagnosticInfo> diagnostics)
    {
        foreach (var info in diagnostics)
        {
            context.ReportDiagnostic(Diagnostic.Create(ById[info.Id], info.ToLocation(), info.Arguments.AsImmutableArray().ToArray<object>()));
        }
    }
}
