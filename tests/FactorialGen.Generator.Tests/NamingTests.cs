using FactorialGen.Generator.Parsing;

namespace FactorialGen.Generator.Tests;

public sealed class NamingTests
{
    [Theory]
    [InlineData("GET", "/api/2026-07-01/resources/employees/employees", "Employees", "Employees", "List")]
    [InlineData("GET", "/api/2026-07-01/resources/employees/employees/{id}", "Employees", "Employees", "Get")]
    [InlineData("POST", "/api/2026-07-01/resources/attendance/shifts", "Attendance", "Shifts", "Create")]
    [InlineData("PUT", "/api/2026-07-01/resources/attendance/shifts/{id}", "Attendance", "Shifts", "Update")]
    [InlineData("PATCH", "/api/2026-07-01/resources/attendance/shifts/{id}", "Attendance", "Shifts", "Update")]
    [InlineData("DELETE", "/api/2026-07-01/resources/attendance/shifts/{id}", "Attendance", "Shifts", "Delete")]
    [InlineData("POST", "/api/2026-07-01/resources/attendance/shifts/clock_in", "Attendance", "Shifts", "ClockIn")]
    [InlineData("POST", "/api/2026-07-01/resources/employees/employees/terminate", "Employees", "Employees", "Terminate")]
    [InlineData("GET", "/api/2026-07-01/resources/holidays/company_holidays", "Holidays", "CompanyHolidays", "List")]
    [InlineData("GET", "/api/2026-07-01/resources/api_public/credentials", "ApiPublic", "Credentials", "List")]
    [InlineData("GET", "/api/2026-07-01/resources/payroll/reports/summary", "Payroll", "Reports", "GetSummary")]
    [InlineData("GET", "/oauth/applications", "Other", "Applications", "List")]
    public void Names_come_from_path_and_verb(string method, string path, string group, string resource, string name)
    {
        var parts = OperationNamer.Split(path);

        Assert.Equal(group, parts.Group);
        Assert.Equal(resource, parts.Resource);
        Assert.Equal(name, OperationNamer.BaseName(method, parts));
    }

    [Fact]
    public void Collisions_are_resolved_the_same_way_every_time()
    {
        var names = OperationNamer.Deduplicate(
        [
            ("A", "B", "Get", "GET"),
            ("A", "B", "Get", "POST"),
            ("A", "B", "Get", "PUT"),
            ("A", "C", "Get", "GET"),
            ("A", "B", "ListAll", "POST"),
        ]);

        Assert.Equal(["Get", "GetPost", "GetPut", "Get", "ListAllItems"], names);
    }

    [Theory]
    [InlineData("clock_in", "ClockIn", "clockIn")]
    [InlineData("ids[]", "Ids", "ids")]
    [InlineData("employee_ids[]", "EmployeeIds", "employeeIds")]
    [InlineData("2fa_enabled", "V2faEnabled", "v2faEnabled")]
    [InlineData("class", "Class", "@class")]
    [InlineData("event", "Event", "@event")]
    [InlineData("año", "Año", "año")]
    [InlineData("---", "Value", "value")]
    public void Identifiers_are_valid_csharp(string text, string pascal, string camel)
    {
        Assert.Equal(pascal, Identifier.Pascal(text));
        Assert.Equal(camel, Identifier.Camel(text));
    }
}
