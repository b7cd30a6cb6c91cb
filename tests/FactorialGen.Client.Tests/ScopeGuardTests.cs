using System.Globalization;
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using FactorialGen.Client.Tests.FactorialApi;

namespace FactorialGen.Client.Tests;

/// <summary>The per-scope client types, checked by reflection over what the generator emitted, and the run-time guard.</summary>
public sealed class ScopeGuardTests
{
    [Fact]
    public void HrReports_has_only_read_operations_and_lists_the_writes_it_left_out()
    {
        var operations = Operations(typeof(HrReports));

        Assert.NotEmpty(operations);
        Assert.All(operations, o => Assert.Equal(FactorialScope.Read, o.Attribute.RequiredScope));
        Assert.All(operations, o => Assert.Equal("GET", o.Attribute.Method));
        Assert.Contains(operations, o => o.Method.Name == nameof(HrReports.GetDaysOffAsync));

        var omitted = Omitted(typeof(HrReports));
        Assert.Subset(omitted.Select(o => o.MemberName).ToHashSet(), new HashSet<string> { "ClockInAsync", "ClockOutAsync", "TerminateAsync", "UnterminateAsync", "ApproveAsync", "CreateAsync", "UpdateAsync", "DeleteAsync" });
        Assert.All(omitted, o => Assert.True(o.RequiredScope.HasFlag(FactorialScope.Write), o.MemberName));
        Assert.Null(typeof(HrReports.AttendanceApi.ShiftsResource).GetMethod("ClockInAsync"));
        Assert.Null(typeof(HrReports.EmployeesApi.EmployeesResource).GetMethod("TerminateAsync"));
    }

    [Fact]
    public void HrWriter_has_only_write_operations_and_lists_the_reads_it_left_out()
    {
        var operations = Operations(typeof(HrWriter));

        Assert.NotEmpty(operations);
        Assert.All(operations, o => Assert.Equal(FactorialScope.Write, o.Attribute.RequiredScope));
        Assert.DoesNotContain(operations, o => o.Attribute.Method == "GET");
        Assert.Null(typeof(HrWriter).GetMethod("GetDaysOffAsync"));

        var omitted = Omitted(typeof(HrWriter));
        var names = omitted.Select(o => o.MemberName).ToHashSet();
        Assert.Subset(names, new HashSet<string> { "GetAsync", "ListAsync", "ListAllAsync", "Credentials", "Holidays" }); // ApiPublic has writes now (webhook_subscriptions)
        Assert.All(omitted, o => Assert.True(o.RequiredScope.HasFlag(FactorialScope.Read), o.MemberName));
        Assert.Null(typeof(HrWriter).GetProperty("Holidays"));
        Assert.Null(typeof(HrWriter.EmployeesApi.EmployeesResource).GetMethod("ListAsync"));
    }

    [Fact]
    public void HrAdmin_has_the_reads_and_the_writes_and_omits_nothing()
    {
        var admin = Keys(Operations(typeof(HrAdmin)));
        var reads = Keys(Operations(typeof(HrReports)));
        var writes = Keys(Operations(typeof(HrWriter)));

        Assert.Empty(reads.Intersect(writes));
        Assert.Equal(reads.Union(writes).Order(), admin.Order());
        Assert.Contains(Operations(typeof(HrAdmin)), o => o.Attribute.RequiredScope == FactorialScope.Read);
        Assert.Contains(Operations(typeof(HrAdmin)), o => o.Attribute.RequiredScope == FactorialScope.Write);
        Assert.Empty(Omitted(typeof(HrAdmin)));
    }

    [Fact]
    public async Task Write_call_on_a_ReadWrite_client_built_from_a_read_token_throws_and_sends_nothing()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var token = await sandbox.AuthorizeAsync(FactorialScope.Read);
#pragma warning disable FG0001, FG0002 // deliberately too narrow: the run-time guard is what is tested
        using var admin = new HrAdmin(token, options: sandbox.ClientOptions());
        var before = sandbox.Server.Stats.ResourceRequests;

        var error = await Assert.ThrowsAsync<FactorialScopeException>(() =>
            admin.Attendance.Shifts.ClockInAsync(new ShiftsClockInRequest { EmployeeId = "2", Now = DateTimeOffset.Parse("2026-03-02T09:00:00+00:00", CultureInfo.InvariantCulture) }));
#pragma warning restore FG0001, FG0002

        Assert.Equal(FactorialScope.Write, error.RequiredScope);
        Assert.Equal(FactorialScope.Read, error.GrantedScope);
        Assert.Equal("POST", error.Method);
        Assert.Equal("/api/2026-07-01/resources/attendance/shifts/clock_in", error.Path);
        Assert.Null(error.StatusCode);
        Assert.Equal(before, sandbox.Server.Stats.ResourceRequests);

        // Reads through the same client still work: the token does cover them.
        var me = await admin.ApiPublic.Credentials.ListAsync();
        Assert.Single(me.Items);
        Assert.Equal(before + 1, sandbox.Server.Stats.ResourceRequests);
    }

    [Fact]
    public async Task Expired_token_is_refreshed_by_the_generated_client_and_the_store_holds_the_rotated_token()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var token = await sandbox.AuthorizeAsync(FactorialScope.Read);
        var store = new FileTokenStore(Path.Combine(Path.GetTempPath(), $"factorialgen-client-{Guid.NewGuid():N}", "token.json"));
        await store.SaveAsync(token);
        using var hr = new HrReports(token, store, sandbox.ClientOptions());

        sandbox.Time.Advance(sandbox.Server.Options.AccessTokenLifetime + TimeSpan.FromMinutes(1));
        Assert.True(token.IsExpired(sandbox.Time));

        var page = await hr.Employees.Employees.ListAsync(limit: 3);

        Assert.Equal(3, page.Items.Count);
        Assert.Equal(1, sandbox.Server.Stats.RefreshGrants);
        var stored = await store.LoadAsync();
        Assert.NotNull(stored);
        Assert.NotEqual(token.AccessToken, stored.AccessToken);
        Assert.NotEqual(token.RefreshToken, stored.RefreshToken);
        Assert.Equal(hr.Connection.TokenSource!.Current!.AccessToken, stored.AccessToken);
        Assert.False(stored.IsExpired(sandbox.Time));
    }

    internal static List<(MethodInfo Method, FactorialOperationAttribute Attribute)> Operations(Type client) =>
        AllTypes(client)
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Select(m => (Method: m, Attribute: m.GetCustomAttribute<FactorialOperationAttribute>()))
            .Where(x => x.Attribute is not null)
            .Select(x => (x.Method, x.Attribute!))
            .ToList();

    private static List<FactorialOmittedOperationAttribute> Omitted(Type client) =>
        AllTypes(client).SelectMany(t => t.GetCustomAttributes<FactorialOmittedOperationAttribute>()).ToList();

    private static HashSet<string> Keys(IEnumerable<(MethodInfo Method, FactorialOperationAttribute Attribute)> operations) =>
        operations.Select(o => $"{o.Attribute.Method} {o.Attribute.Path}").ToHashSet(StringComparer.Ordinal);

    private static IEnumerable<Type> AllTypes(Type type) =>
        new[] { type }.Concat(type.GetNestedTypes(BindingFlags.Public | BindingFlags.NonPublic).SelectMany(AllTypes));
}
