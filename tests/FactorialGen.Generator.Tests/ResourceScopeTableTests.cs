using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using FactorialGen.Generator.Model;
using FactorialGen.Generator.Parsing;
using Xunit.Abstractions;

namespace FactorialGen.Generator.Tests;

/// <summary>
/// The operation → resource-scope table (<c>Specs/resource-scopes.txt</c>): every operation of both real documents is
/// either mapped to one resource scope by its whole tag or explicitly unknown, and the unknown ones are counted.
/// </summary>
public sealed class ResourceScopeTableTests(ITestOutputHelper output)
{
    private const string V2024 = "factorial-openapi-2024-10-01.json";
    private const string V2026 = "factorial-openapi-2026-07-01.json";

    [Theory]
    [InlineData("Attendance > Shift", "TimeTracking")]
    [InlineData("ShiftManagement > Shift", "ShiftManagement")]
    [InlineData("Employees > Employee", "Employees")]
    [InlineData("Teams > Team", "Employees")]
    [InlineData("CustomResources > Value", "CustomFields")]
    [InlineData("Expenses > Mileage", "Expenses")]
    [InlineData("Companies > LegalEntity", "CompanyLegalEntities")]
    [InlineData("Payroll > Supplement", "PayrollSupplements")]
    [InlineData("Payroll > FamilySituation", "Payroll")]
    [InlineData("Ats > Candidate", "Recruitment")]
    [InlineData("  Timeoff > Leave  ", "TimeOff")]
    [InlineData("Shift", "None")]
    [InlineData("Attendance > Review", "None")]
    [InlineData("attendance > shift", "None")]
    [InlineData("Expenses > Milage", "None")]
    [InlineData("ApiPublic > Credential", "None")]
    [InlineData("Documents > Folder", "None")]
    public void A_tag_is_matched_whole(string tag, string expected)
    {
        Assert.Equal(expected, ResourceScopeTable.Of(tag).ToString());
    }

    [Fact]
    public void Every_entry_names_exactly_one_scope_and_every_scope_has_entries()
    {
        var entries = ResourceScopeTable.Entries;

        Assert.Equal(125, entries.Count);
        Assert.All(entries, e => Assert.Matches(@"^[A-Za-z]+ > [A-Za-z]+$", e.Key));
        Assert.All(entries.Values, v => Assert.True(v != ResourceScope.None && ((long)v & ((long)v - 1)) == 0, $"{v} is not one scope"));
        Assert.Equal(ResourceScopeNames.All, entries.Values.Aggregate(ResourceScope.None, (all, v) => all | v));
    }

    [Fact]
    public void Operations_without_a_listed_tag_or_with_tags_of_two_scopes_are_unknown()
    {
        using var none = JsonDocument.Parse("""{ "responses": {} }""");
        using var two = JsonDocument.Parse("""{ "tags": ["Employees > Employee", "Timeoff > Leave"] }""");
        using var agreeing = JsonDocument.Parse("""{ "tags": ["Employees > Employee", "Teams > Team", "Somewhere > Else"] }""");

        Assert.Equal(ResourceScope.None, ResourceScopeTable.Of(none.RootElement));
        Assert.Equal(ResourceScope.None, ResourceScopeTable.Of(two.RootElement));
        Assert.Equal(ResourceScope.Employees, ResourceScopeTable.Of(agreeing.RootElement));
    }

    [RealSpecFact(V2026)]
    public void Every_operation_of_the_2026_07_01_document_is_mapped_or_unknown() => AssertMappedOrUnknown(V2026, 550, 80);

    [RealSpecFact(V2024)]
    public void Every_operation_of_the_2024_10_01_document_is_mapped_or_unknown() => AssertMappedOrUnknown(V2024, 404, 11);

    [Fact]
    public void Built_in_document_maps_every_operation_but_the_api_public_ones()
    {
        var document = BuiltInDocument.Document.Value!;

        // api_public (credentials, webhook subscriptions) is outside Factorial's scope table, as in the real document.
        var unknown = document.Operations.Where(o => o.ResourceScope == ResourceScope.None).Select(o => o.Path).Distinct().ToList();
        Assert.Equal(
            ["/api/2026-07-01/resources/api_public/credentials", "/api/2026-07-01/resources/api_public/webhook_subscriptions", "/api/2026-07-01/resources/api_public/webhook_subscriptions/{id}"],
            unknown.Order(System.StringComparer.Ordinal));
        var byResource = document.Operations.Where(o => !o.Path.Contains("/api_public/", System.StringComparison.Ordinal)).GroupBy(o => o.Path.Split('/')[4] + "/" + o.Path.Split('/')[5]).ToDictionary(g => g.Key, g => g.Select(o => o.ResourceScope).Distinct().Single());
        Assert.Equal(ResourceScope.Employees, byResource["employees/employees"]);
        Assert.Equal(ResourceScope.TimeTracking, byResource["attendance/shifts"]);
        Assert.Equal(ResourceScope.TimeOff, byResource["timeoff/leaves"]);
        Assert.Equal(ResourceScope.TimeOff, byResource["timeoff/leave_types"]);
        Assert.Equal(ResourceScope.CompanyHolidays, byResource["holidays/company_holidays"]);
        Assert.Equal(ResourceScope.CompanyLocations, byResource["locations/locations"]);
        Assert.Equal(ResourceScope.Employees, byResource["teams/teams"]);
        Assert.Equal(ResourceScope.Employees, byResource["teams/memberships"]);
    }

    /// <summary>
    /// Reads the tags straight from the document (one per operation, as both real documents have), checks the
    /// generator's model carries the table's scope for each, and reports the unknown tags with their counts.
    /// </summary>
    private void AssertMappedOrUnknown(string fileName, int operations, int expectedUnknown)
    {
        using var raw = JsonDocument.Parse(File.ReadAllText(RealSpecFactAttribute.PathOf(fileName)));
        var tags = new Dictionary<string, string>();
        foreach (var path in raw.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject().Where(o => o.Name is "get" or "post" or "put" or "patch" or "delete"))
            {
                var tag = Assert.Single(operation.Value.GetProperty("tags").EnumerateArray()).GetString()!;
                tags[operation.Name.ToUpperInvariant() + " " + path.Name] = tag;
            }
        }

        var document = OpenApiReader.Read(fileName, Microsoft.CodeAnalysis.Text.SourceText.From(File.ReadAllText(RealSpecFactAttribute.PathOf(fileName))), isBuiltIn: false, default).Value!;
        Assert.Equal(operations, document.Operations.Count);
        Assert.Equal(operations, tags.Count);
        foreach (var operation in document.Operations)
        {
            Assert.Equal(ResourceScopeTable.Of(tags[operation.Method + " " + operation.Path]), operation.ResourceScope);
        }

        var unknown = document.Operations.Where(o => o.ResourceScope == ResourceScope.None).GroupBy(o => tags[o.Method + " " + o.Path]).OrderBy(g => g.Key, System.StringComparer.Ordinal).ToList();
        output.WriteLine($"{fileName}: {unknown.Sum(g => g.Count())} of {operations} operations unknown, in {unknown.Count} tags: {string.Join("; ", unknown.Select(g => $"{g.Key} ({g.Count()})"))}");
        var used = document.Operations.Select(o => o.ResourceScope).Where(s => s != ResourceScope.None).Distinct().OrderBy(s => s).ToList();
        output.WriteLine($"resource scopes used: {used.Count}: {string.Join(", ", used.Select(s => ResourceScopeTable.OAuthName(s)))}");
        Assert.Equal(expectedUnknown, unknown.Sum(g => g.Count()));
    }
}
