using System;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace FactorialGen.Generator.Tests.Diagnostics;

/// <summary>
/// FG1010: the user's half of a client declares a member with a name the generated half needs (an API namespace
/// property or its class, <c>Connection</c>, <c>Dispose</c>, <c>ApiVersion</c>, <c>GetDaysOffAsync</c>, the webhook
/// members when the document has webhooks). One error per such member, at the member, saying what the name is needed
/// for; no client is generated, so there is no compile error in generated code. Names the client does not need are free.
/// </summary>
public sealed class FG1010_MemberNameTakenTests
{
    [Fact]
    public void FieldNamedLikeAnApiNamespace_Triggers_InsteadOfACompileErrorInGeneratedCode()
    {
        var result = GeneratorHarness.Run("[FactorialGen.FactorialClient(FactorialGen.FactorialScope.Read)] public partial class Hr { public int Employees; }");

        ClientDeclarationTests.AssertNoCrash(result);
        Assert.Contains(result.GeneratorDiagnostics, d => d.Id.StartsWith("FG1", System.StringComparison.Ordinal) && d.Severity == DiagnosticSeverity.Error);
        Assert.DoesNotContain(ClientDeclarationTests.Errors(result), d => d.Location.SourceTree?.FilePath.EndsWith(".g.cs", System.StringComparison.Ordinal) == true);
        // Which error, where, and what for:
        var diagnostic = Reported.Single(result, "FG1010");
        Assert.Equal("'Hr' declares 'Employees', which the generated client needs for the 'Employees' API namespace, so no client is generated; rename the member", diagnostic.GetMessage());
        Assert.Equal("Employees", Reported.SourceAt(result, diagnostic));
        Reported.NoClient(result);
    }

    [Fact]
    public void MemberNamedApiVersion_Triggers()
    {
        var result = GeneratorHarness.Run("[FactorialGen.FactorialClient(FactorialGen.FactorialScope.Read)] public partial class Hr { public int ApiVersion => 1; }");

        Assert.Contains("API version constant", Assert.Single(result.GeneratorDiagnostics, d => d.Id == "FG1010").GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void MemberNamedWebhooks_Triggers_NotACompileError()
    {
        var result = GeneratorHarness.Run("[FactorialGen.FactorialClient(FactorialGen.FactorialScope.ReadWrite)] public partial class CoreAdmin { public int Webhooks => 1; }");

        Assert.Equal("FG1010", Assert.Single(result.GeneratorDiagnostics).Id);
        Assert.Contains("Webhooks", result.GeneratorDiagnostics[0].GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.DoesNotContain(result.CompileProblems, d => d.Id is "CS0102" or "CS0111");
    }

    [Fact]
    public void StaticMemberNamedWebhookEvents_Triggers_NotACompileError()
    {
        var client = "[FactorialGen.FactorialClient(FactorialGen.FactorialScope.Read, Spec = \"factorial-hooks.json\")] public partial class Hr { public static int WebhookEvents => 1; }";
        var result = GeneratorHarness.Run(client, GeneratorHarness.Document("/specs/factorial-hooks.json", WebhookGenerationTests.Document));

        Assert.Equal("FG1010", Assert.Single(result.GeneratorDiagnostics).Id);
        Assert.DoesNotContain(result.CompileProblems, d => d.Id is "CS0102" or "CS0111");
    }

    [Fact]
    public void EveryTakenMember_Triggers_OnceAtThatMember()
    {
        var result = GeneratorHarness.Run("""
            namespace Acme;
            [FactorialGen.FactorialClient(FactorialGen.FactorialScope.Read)]
            public partial class Hr
            {
                public void Dispose() { }
                public sealed class EmployeesApi { }
                public string Connection { get; } = "";
                public int Headcount;
            }
            """);

        ClientDeclarationTests.AssertNoCrash(result);
        var fg1010 = result.GeneratorDiagnostics.OrderBy(d => d.Location.SourceSpan.Start).ToList();
        Assert.All(fg1010, d => Assert.Equal("FG1010", d.Id));
        Assert.Equal(["Dispose", "EmployeesApi", "Connection"], fg1010.Select(d => Reported.SourceAt(result, d)));
        Assert.Equal([4, 5, 6], fg1010.Select(d => d.Location.GetLineSpan().StartLinePosition.Line));
        Assert.Contains("needs for IDisposable", fg1010[0].GetMessage(), StringComparison.Ordinal);
        Assert.Contains("needs for the class of the 'Employees' API namespace", fg1010[1].GetMessage(), StringComparison.Ordinal);
        Assert.Contains("needs for its connection property", fg1010[2].GetMessage(), StringComparison.Ordinal);
        Reported.NoClient(result);
        Assert.Empty(result.CompileProblems);
    }

    [Fact]
    public void MembersWithNamesTheClientDoesNotNeed_DoNotTrigger()
    {
        var result = GeneratorHarness.Run("""
            [FactorialGen.FactorialClient(FactorialGen.FactorialScope.Read)]
            public partial class Hr
            {
                public int EmployeeCount;
                public int employees;
                public string Describe() => "hr";
            }
            """);

        Reported.Clean(result);
        Assert.NotEmpty(result.Type("Hr").GetMembers("Employees"));
    }

    [Fact]
    public void WebhookMembersWhenTheDocumentHasNoWebhooks_DoNotTrigger()
    {
        var result = GeneratorHarness.Run(
            "[FactorialGen.FactorialClient(FactorialGen.FactorialScope.ReadWrite, Spec = \"factorial-plain.json\")] public partial class Hr { public int Webhooks => 1; public int WebhookEvents => 2; }",
            GeneratorHarness.Document("/specs/factorial-plain.json", Reported.Document()));

        Reported.Clean(result);
        Assert.DoesNotContain(result.Type("Hr").AllInterfaces, i => i.Name == "IFactorialWebhookSource");
    }

    [Fact]
    public void MemberNamedLikeAnApiNamespaceTheClientLeavesOut_DoesNotTrigger()
    {
        var result = GeneratorHarness.Run(
            ["using FactorialGen; namespace Acme; [FactorialClient(FactorialScope.Read, Spec = \"factorial-tagged.json\", Resources = FactorialResourceScopes.Employees)] public partial class Hr { public int Finance; }"],
            [GeneratorHarness.Document("/specs/factorial-tagged.json", ResourceSelectionTests.Document)]);

        Reported.Clean(result);
        Assert.Contains(("Finance", FactorialScope.Read, FactorialResourceScopes.Finance), GeneratedOperations.Omitted(result.Type("Acme.Hr")));
    }
}
