using System.Linq;
using FactorialGen.Generator.Model;
using FactorialGen.Generator.Parsing;
using Microsoft.CodeAnalysis.Text;

namespace FactorialGen.Generator.Tests;

public sealed class BuiltInDocumentTests
{
    [Fact]
    public void Built_in_document_reads_without_problems_and_has_the_core_operations()
    {
        var document = BuiltInDocument.Document;

        Assert.Empty(document.Diagnostics);
        Assert.NotNull(document.Value);
        Assert.Equal("2026-07-01", document.Value.ApiVersion);
        Assert.Equal(37, document.Value.Operations.Count);
        var names = document.Value.Operations.Select(o => $"{o.Group}.{o.Resource}.{o.Name}").ToHashSet();
        Assert.Superset(
            new[]
            {
                "Employees.Employees.List", "Employees.Employees.Get", "Employees.Employees.Update", "Employees.Employees.Invite",
                "Employees.Employees.Terminate", "Employees.Employees.Unterminate",
                "Attendance.Shifts.List", "Attendance.Shifts.Get", "Attendance.Shifts.Create", "Attendance.Shifts.Update",
                "Attendance.Shifts.Delete", "Attendance.Shifts.ClockIn", "Attendance.Shifts.ClockOut",
                "Timeoff.Leaves.List", "Timeoff.Leaves.Approve", "Timeoff.Leaves.Reject", "Timeoff.LeaveTypes.Get",
                "Holidays.CompanyHolidays.List", "Locations.Locations.Get", "Teams.Teams.List", "Teams.Memberships.Get",
                "ApiPublic.Credentials.List", "Employees.Employees.CreateWithContract",
                "ApiPublic.WebhookSubscriptions.List", "ApiPublic.WebhookSubscriptions.Get", "ApiPublic.WebhookSubscriptions.Create",
                "ApiPublic.WebhookSubscriptions.Update", "ApiPublic.WebhookSubscriptions.Delete",
            }.ToHashSet(),
            names);
        Assert.Equal(
            new[] { "attendance/shift/clock_in", "attendance/shift/clock_out", "employees/employee/create_with_contract", "timeoff/leave/create" },
            document.Value.Webhooks.Select(w => w.SubscriptionType).ToArray());
        Assert.Equal(
            new[] { "Shift", "Shift", "Employee", "Leave" },
            document.Value.Webhooks.Select(w => w.Payload.Name).ToArray());
    }

    [Fact]
    public void Reading_the_same_document_twice_gives_equal_specs()
    {
        using var stream = typeof(BuiltInDocument).Assembly.GetManifestResourceStream(BuiltInDocument.ResourceName)!;
        var text = SourceText.From(stream);

        var first = OpenApiReader.Read("a.json", text, isBuiltIn: true, default).Value!;
        var second = OpenApiReader.Read("a.json", SourceText.From(text.ToString()), isBuiltIn: true, default).Value!;

        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.NotSame(first.Operations[0], second.Operations[0]);
    }

    [Fact]
    public void Lists_are_paged_and_ids_are_strings_in_the_2026_version()
    {
        var operations = BuiltInDocument.Document.Value!.Operations;
        var list = operations.Single(o => o.Resource == "Employees" && o.Name == "List");
        var get = operations.Single(o => o.Resource == "Employees" && o.Name == "Get");

        Assert.Equal(ResponseShape.Paged, list.ResponseShape);
        Assert.Equal(new TypeRef(TypeRefKind.Model, "Employee"), list.Response);
        Assert.Equal(TypeRef.String, get.Parameters.Single(p => p.Location == ParameterLocation.Path).Type);
    }
}
