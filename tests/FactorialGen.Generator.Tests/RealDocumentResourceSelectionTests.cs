using System;
using System.Collections.Generic;
using System.Linq;
using FactorialGen.Generator.Model;
using FactorialGen.Generator.Parsing;
using Xunit.Abstractions;

namespace FactorialGen.Generator.Tests;

/// <summary>
/// Clients limited with <c>Resources</c> on the real 2026-07-01 document (read from ../shared/specs): per resource scope
/// that both real documents use, the client gets that scope's operations and the unknown ones, and nothing else; a client
/// limited to two scopes compiles clean with a fraction of the full client's generated code.
/// </summary>
public sealed class RealDocumentResourceSelectionTests(ITestOutputHelper output)
{
    private const string V2024 = "factorial-openapi-2024-10-01.json";
    private const string V2026 = "factorial-openapi-2026-07-01.json";

    [RealSpecFact(V2026)]
    public void Per_resource_scope_used_by_both_documents_a_limited_client_gets_exactly_its_operations_and_the_unknown_ones()
    {
        if (!System.IO.File.Exists(RealSpecFactAttribute.PathOf(V2024)))
        {
            return; // the scopes "both documents use" need the 2024 document too
        }

        var newer = Read(V2026);
        var scopes = newer.Operations.Select(o => o.ResourceScope)
            .Intersect(Read(V2024).Operations.Select(o => o.ResourceScope))
            .Where(s => s != ResourceScope.None)
            .OrderBy(s => s)
            .ToList();
        Assert.Equal(25, scopes.Count); // all but banking and job_catalog, which 2024-10-01 lacks

        var declarations = scopes.Select(s => $"[FactorialClient(FactorialScope.ReadWrite, Spec = \"{V2026}\", Resources = FactorialResourceScopes.{s})] public partial class {s}Only;");
        var result = GeneratorHarness.Run(["using FactorialGen; namespace Acme; " + string.Join("\n", declarations)], [GeneratorHarness.SharedSpec(V2026)]);

        // Compiling clean is the next test's job (one limited client); here the generated declarations are compared.
        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
        var unknown = Keys(newer.Operations.Where(o => o.ResourceScope == ResourceScope.None));
        foreach (var scope in scopes)
        {
            var emitted = GeneratedOperations.Of(result.Type($"Acme.{scope}Only"));
            var expected = Keys(newer.Operations.Where(o => o.ResourceScope == scope)).Concat(unknown).OrderBy(k => k, StringComparer.Ordinal);
            Assert.Equal(expected, emitted.Select(o => o.Method + " " + o.Path).OrderBy(k => k, StringComparer.Ordinal));
            Assert.All(emitted, o => Assert.Contains(o.RequiredResource, new[] { (FactorialResourceScopes)(long)scope, FactorialResourceScopes.None }));
            output.WriteLine($"{ResourceScopeTable.OAuthName(scope)}: {emitted.Count - unknown.Count} operations of its own + {unknown.Count} unknown");
        }
    }

    [RealSpecFact(V2026)]
    public void Client_limited_to_employees_and_time_tracking_compiles_clean_with_a_fraction_of_the_full_code()
    {
        var full = GeneratorHarness.Run(
            $"namespace Acme; [FactorialGen.FactorialClient(FactorialGen.FactorialScope.ReadWrite, Spec = \"{V2026}\")] public partial class HrFull;",
            GeneratorHarness.SharedSpec(V2026));
        var limited = GeneratorHarness.Run(
            $"namespace Acme; [FactorialGen.FactorialClient(FactorialGen.FactorialScope.ReadWrite, Spec = \"{V2026}\", Resources = FactorialGen.FactorialResourceScopes.Employees | FactorialGen.FactorialResourceScopes.TimeTracking)] public partial class HrTime;",
            GeneratorHarness.SharedSpec(V2026));

        Assert.Empty(limited.CompileProblems);
        var fullOperations = GeneratedOperations.Of(full.Type("Acme.HrFull"));
        var limitedOperations = GeneratedOperations.Of(limited.Type("Acme.HrTime"));
        var (fullFiles, fullBytes) = Size(full);
        var (limitedFiles, limitedBytes) = Size(limited);
        output.WriteLine($"full client: {fullOperations.Count} operations, {fullFiles} files, {fullBytes:N0} bytes of generated source");
        output.WriteLine($"Employees | TimeTracking: {limitedOperations.Count} operations ({limitedOperations.Count(o => o.RequiredResource == FactorialResourceScopes.None)} unknown), {limitedFiles} files, {limitedBytes:N0} bytes ({100.0 * limitedBytes / fullBytes:0.0} %)");

        Assert.Equal(550, fullOperations.Count);
        Assert.All(limitedOperations, o => Assert.Contains(o.RequiredResource, new[] { FactorialResourceScopes.Employees, FactorialResourceScopes.TimeTracking, FactorialResourceScopes.None }));
        Assert.Contains(limitedOperations, o => o.RequiredResource == FactorialResourceScopes.Employees);
        Assert.Contains(limitedOperations, o => o.RequiredResource == FactorialResourceScopes.TimeTracking);
        Assert.True(limitedBytes * 3 < fullBytes, $"the limited client's {limitedBytes} bytes are not under a third of the full client's {fullBytes}");
    }

    [RealSpecFact(V2026)]
    public void With_OmitUnknownOperations_the_employees_and_time_tracking_client_has_only_its_70_operations_and_compiles_clean()
    {
        const string Resources = "Resources = FactorialGen.FactorialResourceScopes.Employees | FactorialGen.FactorialResourceScopes.TimeTracking";
        var kept = GeneratorHarness.Run(
            $"namespace Acme; [FactorialGen.FactorialClient(FactorialGen.FactorialScope.ReadWrite, Spec = \"{V2026}\", {Resources})] public partial class HrTime;",
            GeneratorHarness.SharedSpec(V2026));
        var lean = GeneratorHarness.Run(
            $"namespace Acme; [FactorialGen.FactorialClient(FactorialGen.FactorialScope.ReadWrite, Spec = \"{V2026}\", {Resources}, OmitUnknownOperations = true)] public partial class HrTime;",
            GeneratorHarness.SharedSpec(V2026));

        Assert.Empty(lean.GeneratorDiagnostics);
        Assert.Empty(lean.CompileProblems);
        var keptOperations = GeneratedOperations.Of(kept.Type("Acme.HrTime"));
        var leanOperations = GeneratedOperations.Of(lean.Type("Acme.HrTime"));
        var document = Read(V2026);
        var scopes = ResourceScope.Employees | ResourceScope.TimeTracking;
        var keptModels = ClientSelection.For(document, [new ClientDeclaration("Acme", "HrTime", default, AccessScope.ReadWrite, scopes)]);
        var leanModels = ClientSelection.For(document, [new ClientDeclaration("Acme", "HrTime", default, AccessScope.ReadWrite, scopes, OmitUnknownOperations: true)]);
        var (keptFiles, keptBytes) = Size(kept);
        var (leanFiles, leanBytes) = Size(lean);
        output.WriteLine($"Employees | TimeTracking: {keptOperations.Count} operations, {keptModels.Models.Count} models / {keptModels.Enums.Count} enums, {keptFiles} files, {keptBytes:N0} bytes");
        var unknownAlone = ClientSelection.Reached(document, document.Operations.Where(o => o.ResourceScope == ResourceScope.None));
        output.WriteLine($"whole document: {document.Models.Count} models / {document.Enums.Count} enums; the unknown operations alone reach {unknownAlone.Models.Count} / {unknownAlone.Enums.Count}");
        output.WriteLine($"  + OmitUnknownOperations: {leanOperations.Count} operations, {leanModels.Models.Count} models / {leanModels.Enums.Count} enums, {leanFiles} files, {leanBytes:N0} bytes ({100.0 * leanBytes / keptBytes:0.0} % of it)");

        Assert.Equal(150, keptOperations.Count);
        Assert.Equal(70, leanOperations.Count);
        Assert.Equal(
            Keys(document.Operations.Where(o => o.ResourceScope is ResourceScope.Employees or ResourceScope.TimeTracking)).OrderBy(k => k, StringComparer.Ordinal),
            leanOperations.Select(o => o.Method + " " + o.Path).OrderBy(k => k, StringComparer.Ordinal));
        Assert.DoesNotContain(leanOperations, o => o.RequiredResource == FactorialResourceScopes.None);
        Assert.Equal((108, 33), (keptModels.Models.Count, keptModels.Enums.Count));
        Assert.Equal((LeanModels, LeanEnums), (leanModels.Models.Count, leanModels.Enums.Count));
        Assert.True(leanBytes * 10 < keptBytes * LeanBytesTenthsOfKept, $"the lean client's {leanBytes} bytes are not under {LeanBytesTenthsOfKept}/10 of the {keptBytes} with the unknown operations");
        Assert.True(leanFiles < keptFiles, $"{leanFiles} files, not fewer than {keptFiles}");
    }

    // Measured: without the 80 unknown operations the client reaches 52 of the 108 models and 12 of the 33 enums, and
    // its generated source is 47 % of the client with them (901,446 of 1,912,803 bytes; 122 of 199 files).
    private const int LeanModels = 52;
    private const int LeanEnums = 12;
    private const int LeanBytesTenthsOfKept = 5;

    private static ApiDocumentSpec Read(string fileName) =>
        OpenApiReader.Read(fileName, Microsoft.CodeAnalysis.Text.SourceText.From(System.IO.File.ReadAllText(RealSpecFactAttribute.PathOf(fileName))), isBuiltIn: false, default).Value!;

    private static List<string> Keys(IEnumerable<OperationSpec> operations) => operations.Select(o => o.Method + " " + o.Path).ToList();

    private static (int Files, long Bytes) Size(GeneratorHarness.Result result)
    {
        var sources = result.RunResult.Results.SelectMany(r => r.GeneratedSources).ToList();
        return (sources.Count, sources.Sum(s => (long)System.Text.Encoding.UTF8.GetByteCount(s.SourceText.ToString())));
    }
}
