using System;
using Microsoft.CodeAnalysis;

namespace FactorialGen.Generator.Tests.Diagnostics;

/// <summary>
/// FG1011: the client class has the name of a member its generated half declares (an API namespace property or its
/// class, <c>Connection</c>, <c>Dispose</c>, <c>ApiVersion</c>, <c>GetDaysOffAsync</c>), which C# forbids (CS0542). An
/// error at the <c>[FactorialClient]</c> attribute naming that member; no client is generated, so no CS0542.
/// </summary>
public sealed class FG1011_ClientNameTakenTests
{
    private const string Client = "namespace Acme; [FactorialGen.FactorialClient(FactorialGen.FactorialScope.ReadWrite, Spec = \"factorial-names.json\")] public partial class Hr;";

    [Theory]
    [InlineData("Hr", "hr")]
    [InlineData("HrApi", "hr")]
    [InlineData("Connection", "a")]
    [InlineData("Dispose", "a")]
    public void ClientClassNamedLikeAGeneratedMember_Triggers_AtTheClass(string className, string group)
    {
        var result = Run(group, Client.Replace("class Hr", "class " + className, StringComparison.Ordinal));

        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal("FG1011", diagnostic.Id);
        Assert.Equal("Source0.cs", diagnostic.Location.GetLineSpan().Path);
        Assert.DoesNotContain(result.CompileProblems, d => d.Id is "CS0542" or "CS0102");
    }

    [Fact]
    public void BuiltInClientNamedLikeABuiltInApiNamespace_Triggers_AtTheAttributeNamingTheMember()
    {
        var result = GeneratorHarness.Run("""
            namespace Acme;
            [FactorialGen.FactorialClient(FactorialGen.FactorialScope.Read)]
            public partial class Employees;
            """);

        var diagnostic = Reported.Single(result, "FG1011");
        Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal("'Employees' has the same name as the property of the 'Employees' API namespace, and a member cannot have the name of its class, so no client is generated; rename the class", diagnostic.GetMessage());
        Assert.Equal("FactorialGen.FactorialClient(FactorialGen.FactorialScope.Read)", Reported.SourceAt(result, diagnostic));
        Assert.Equal(1, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Reported.NoClient(result, "Employees");
        Assert.Empty(result.CompileProblems);
    }

    [Theory]
    [InlineData("ApiVersion", "its API version constant")]
    [InlineData("GetDaysOffAsync", "its days-off query")]
    public void ClientClassNamedLikeAFixedMember_Triggers(string className, string member)
    {
        var result = GeneratorHarness.Run($"[FactorialGen.FactorialClient(FactorialGen.FactorialScope.Read)] public partial class {className};");

        Assert.Contains($"the same name as {member}", Reported.Single(result, "FG1011").GetMessage(), StringComparison.Ordinal);
        Reported.NoClient(result, className);
        Assert.DoesNotContain(result.CompileProblems, d => d.Id == "CS0542");
    }

    [Fact]
    public void ClientClassNamedForWhatItIs_DoesNotTrigger()
    {
        var result = GeneratorHarness.Run("namespace Acme; [FactorialGen.FactorialClient(FactorialGen.FactorialScope.Read)] public partial class EmployeesClient;");

        Reported.Clean(result, "EmployeesClient");
        Assert.NotEmpty(result.Type("Acme.EmployeesClient").GetMembers("Employees"));
    }

    [Fact]
    public void ClientClassNamedLikeAnApiNamespaceTheClientLeavesOut_DoesNotTrigger()
    {
        var result = GeneratorHarness.Run(
            ["using FactorialGen; namespace Acme; [FactorialClient(FactorialScope.Read, Spec = \"factorial-tagged.json\", Resources = FactorialResourceScopes.Employees)] public partial class Finance;"],
            [GeneratorHarness.Document("/specs/factorial-tagged.json", ResourceSelectionTests.Document)]);

        Reported.Clean(result, "Finance");
        Assert.Empty(result.Type("Acme.Finance").GetMembers("Finance"));
        Assert.NotEmpty(result.Type("Acme.Finance").GetMembers("Employees"));
    }

    [Fact]
    public void ClientClassNamedLikeAMemberButInAnotherCase_DoesNotTrigger()
    {
        var result = Run("hr", Client.Replace("class Hr", "class HR", StringComparison.Ordinal));

        Reported.Clean(result, "HR");
        Assert.NotEmpty(result.Type("Acme.HR").GetMembers("Hr"));
    }

    private static GeneratorHarness.Result Run(string group, string client) =>
        GeneratorHarness.Run(client, GeneratorHarness.Document("/specs/factorial-names.json", $$"""
            { "openapi": "3.1.0", "info": { "title": "t", "version": "1" }, "paths": { "/api/2026-07-01/resources/{{group}}/items": { "get": { "responses": { "200": { "content": { "application/json": { "schema": { "type": "string" } } } } } } } }, "components": { "schemas": {} } }
            """));
}
