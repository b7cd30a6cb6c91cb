using System;
using System.Linq;
using System.Reflection;
using FactorialGen.Generator.Diagnostics;
using Microsoft.CodeAnalysis;

namespace FactorialGen.Generator.Tests.Diagnostics;

/// <summary>
/// Each generator diagnostic (FG1xxx in <see cref="Descriptors"/>) has its own test class here, named
/// <c>FGxxxx_WhatItSaysTests</c>, with at least two tests of inputs that trigger it (<c>…_Triggers…</c>) and two of the
/// nearest inputs that must not (<c>…_DoesNotTrigger…</c>). A new ID fails this test until it has both. (FG1013 was
/// reserved for the real-types work and never taken: no descriptor, no class.)
/// </summary>
public sealed class DiagnosticTestCatalogueTests
{
    [Fact]
    public void EveryGeneratorDiagnosticHasATestClassWithTriggersAndDoesNotTriggerTests()
    {
        var ids = typeof(Descriptors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => f.GetValue(null)).OfType<DiagnosticDescriptor>()
            .Select(d => d.Id).Where(id => id.StartsWith("FG1", StringComparison.Ordinal))
            .OrderBy(id => id, StringComparer.Ordinal).ToList();
        var classes = typeof(DiagnosticTestCatalogueTests).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(DiagnosticTestCatalogueTests).Namespace && t.Name.StartsWith("FG", StringComparison.Ordinal) && t.Name.EndsWith("Tests", StringComparison.Ordinal))
            .ToList();

        Assert.Equal(17, ids.Count); // FG1001–FG1012 and FG1014–FG1018
        Assert.Equal(ids, classes.Select(c => c.Name.Substring(0, 6)).OrderBy(id => id, StringComparer.Ordinal));
        Assert.All(classes, c =>
        {
            var tests = c.GetMethods().Where(m => m.GetCustomAttributes<FactAttribute>().Any()).Select(m => m.Name).ToList();
            Assert.True(tests.Count(n => n.Contains("_Triggers", StringComparison.Ordinal)) >= 2, $"{c.Name} needs at least two _Triggers tests.");
            Assert.True(tests.Count(n => n.Contains("_DoesNotTrigger", StringComparison.Ordinal) || n.Contains("_DoNotTrigger", StringComparison.Ordinal)) >= 2, $"{c.Name} needs at least two _DoesNotTrigger tests.");
            Assert.All(tests, n => Assert.Matches("_(Triggers|DoesNotTrigger|DoNotTrigger)", n));
        });
    }
}
