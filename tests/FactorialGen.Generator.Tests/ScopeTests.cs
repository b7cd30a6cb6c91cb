using System.Linq;
using FactorialGen.Generator.Model;
using FactorialGen.Generator.Parsing;
using Microsoft.CodeAnalysis;

namespace FactorialGen.Generator.Tests;

/// <summary>Each client gets exactly the operations its declared scope allows, marked with their required scope.</summary>
public sealed class ScopeTests
{
    private const string Clients = /* lang=c#-test */ """
        using FactorialGen;

        namespace Acme;

        [FactorialClient(FactorialScope.Read)]
        public partial class HrReports;

        [FactorialClient(FactorialScope.Write)]
        public partial class HrWriter;

        [FactorialClient(FactorialScope.ReadWrite)]
        public partial class HrAdmin;
        """;

    [Fact]
    public void Clients_compile_without_warnings_and_get_the_operations_their_scope_allows()
    {
        var result = GeneratorHarness.Run(Clients);

        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Empty(result.CompileProblems);
        var read = Operations(result, "Acme.HrReports");
        var write = Operations(result, "Acme.HrWriter");
        var all = Operations(result, "Acme.HrAdmin");

        Assert.All(read, o => Assert.Equal(1, o.Scope));
        Assert.All(write, o => Assert.Equal(2, o.Scope));
        Assert.Equal(read.Select(o => o.Key).Concat(write.Select(o => o.Key)).OrderBy(k => k), all.Select(o => o.Key).OrderBy(k => k));
        Assert.Equal(37, all.Select(o => o.Key).Distinct().Count()); // 31 core + create_with_contract + 5 webhook_subscriptions
        Assert.Contains(read, o => o.Method == "GetAsync" && o.Key.EndsWith("employees/employees/{id}"));
        Assert.DoesNotContain(read, o => o.Method == "TerminateAsync");
        Assert.Contains(write, o => o.Method == "ClockInAsync");
        Assert.NotNull(result.Type("Acme.HrReports").GetMembers("GetDaysOffAsync").SingleOrDefault());
        Assert.Empty(result.Type("Acme.HrWriter").GetMembers("GetDaysOffAsync"));
    }

    [Fact]
    public void Read_client_records_the_write_members_it_left_out()
    {
        var result = GeneratorHarness.Run(Clients);

        var resource = result.Type("Acme.HrReports+EmployeesApi+EmployeesResource");
        var omitted = resource.GetAttributes().Where(a => a.AttributeClass?.Name == "FactorialOmittedOperationAttribute").Select(a => ((string)a.ConstructorArguments[0].Value!, (int)a.ConstructorArguments[1].Value!)).ToList();

        Assert.Contains(("TerminateAsync", 3), omitted);
        Assert.Contains(("UpdateAsync", 3), omitted);
        Assert.Empty(resource.GetMembers("TerminateAsync"));
    }

    [Theory]
    [InlineData("GET", "/api/v/resources/a/b", "[]", 1)]
    [InlineData("POST", "/api/v/resources/a/b", "[]", 2)]
    [InlineData("DELETE", "/api/v/resources/a/b/{id}", "[]", 2)]
    [InlineData("POST", "/api/v/resources/documents/documents/download_url", "[]", 1)]
    [InlineData("POST", "/api/v/resources/a/b/search", """[{"oauth2": ["read"]}]""", 1)]
    [InlineData("GET", "/api/v/resources/a/b", """[{"oauth2": ["read", "write"]}]""", 2)]
    [InlineData("POST", "/api/v/resources/a/b", """[{"oauth2": []}, {"apikey": []}]""", 2)]
    public void Required_scope_comes_from_security_scopes_else_the_method_rule(string method, string path, string security, int expected)
    {
        using var operation = System.Text.Json.JsonDocument.Parse($$"""{"security": {{security}}}""");

        Assert.Equal((AccessScope)expected, ScopeRules.RequiredScope(method, path, operation.RootElement));
    }

    private static (string Key, string Method, int Scope)[] Operations(GeneratorHarness.Result result, string client)
    {
        var root = result.Type(client);
        return root.GetTypeMembers().SelectMany(g => g.GetTypeMembers()).SelectMany(r => r.GetMembers().OfType<IMethodSymbol>())
            .Concat(root.GetMembers().OfType<IMethodSymbol>())
            .Select(m => (m, a: m.GetAttributes().SingleOrDefault(a => a.AttributeClass?.Name == "FactorialOperationAttribute")))
            .Where(x => x.a is not null && x.m.Name != "GetDaysOffAsync")
            .Select(x => ($"{x.a!.ConstructorArguments[0].Value} {x.a.ConstructorArguments[1].Value}", x.m.Name, (int)GeneratedOperations.RequiredScope(x.a)))
            .Distinct()
            .ToArray();
    }
}
