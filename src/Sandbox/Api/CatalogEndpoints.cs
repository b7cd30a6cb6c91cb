using System;
using System.Collections.Generic;
using System.Linq;
using FactorialGen.Sandbox.Data;
using FactorialGen.Sandbox.Json;
using FactorialGen.Sandbox.Models;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace FactorialGen.Sandbox.Api;

/// <summary>
/// The read-only resources: <c>timeoff/leave_types</c>, <c>holidays/company_holidays</c>,
/// <c>locations/locations</c>, <c>teams/teams</c> and <c>teams/memberships</c>.
/// </summary>
internal static class CatalogEndpoints
{
    public static void Map(IEndpointRouteBuilder api, SandboxState state)
    {
        SandboxData data = state.Data;
        MapReadOnly(api, data, "/timeoff/leave_types", data.LeaveTypes, ResourceJson.LeaveType, "leave type", (q, _) => LeaveTypeFilter(q));
        MapReadOnly(api, data, "/holidays/company_holidays", data.Holidays, ResourceJson.CompanyHoliday, "company holiday", HolidayFilter);
        MapReadOnly(api, data, "/locations/locations", data.Locations, ResourceJson.Location, "location", LocationFilter);
        MapReadOnly(api, data, "/teams/teams", data.Teams, ResourceJson.Team, "team", (q, _) => IdFilter<Team>(q.Ids("ids")));
        MapReadOnly(api, data, "/teams/memberships", data.Memberships, ResourceJson.Membership, "membership", (q, _) => MembershipFilter(q));
    }

    private static void MapReadOnly<T>(
        IEndpointRouteBuilder api,
        SandboxData data,
        string path,
        ResourceStore<T> store,
        ResourceJson<T> json,
        string what,
        Func<QueryReader, SandboxData, Func<T, bool>> filter)
        where T : class, IResource
    {
        api.MapGet(path, ApiHandler.Run((http, req) =>
            ApiResponses.ListAsync(http, req, store.Query(filter(new QueryReader(http.Request.Query), data)), json)));
        api.MapGet(path + "/{id}", ApiHandler.Run((http, req) =>
        {
            long id = ApiHandler.RouteId(http);
            return ApiResponses.ItemAsync(http, req, ApiHandler.Found(store.Find(id), id, what), json);
        }));
    }

    private static Func<T, bool> IdFilter<T>(HashSet<long>? ids)
        where T : IResource =>
        item => ids is null || ids.Contains(item.Id.Value);

    private static Func<LeaveType, bool> LeaveTypeFilter(QueryReader query)
    {
        HashSet<long>? ids = query.Ids("ids");
        HashSet<long>? companies = query.Ids("company_ids");
        bool? active = query.Bool("active");
        bool? payable = query.Bool("payable");
        return t => (ids is null || ids.Contains(t.Id.Value))
            && (companies is null || companies.Contains(t.CompanyId.Value))
            && (active is null || t.Active == active)
            && (payable is null || t.Payable == payable);
    }

    /// <summary>Holidays of the given locations, or of the locations of the given employees or teams' members.</summary>
    private static Func<CompanyHoliday, bool> HolidayFilter(QueryReader query, SandboxData data)
    {
        HashSet<long>? ids = query.Ids("ids");
        HashSet<long>? locations = query.Ids("location_ids", "location_id");
        HashSet<long>? employees = query.Ids("employee_ids", "employee_id");
        HashSet<long>? teams = query.Ids("team_ids", "team_id");
        if (teams is not null)
        {
            employees ??= new HashSet<long>();
            employees.UnionWith(data.Memberships.Query(m => teams.Contains(m.TeamId.Value)).Select(m => m.EmployeeId.Value));
        }

        if (employees is not null)
        {
            locations ??= new HashSet<long>();
            locations.UnionWith(data.Employees
                .Query(e => employees.Contains(e.Id.Value) && e.LocationId is not null)
                .Select(e => e.LocationId!.Value.Value));
        }

        DateOnly? startAt = query.Date("start_at") ?? query.Date("start_on");
        DateOnly? endAt = query.Date("end_at") ?? query.Date("end_on");
        return h => (ids is null || ids.Contains(h.Id.Value))
            && (locations is null || locations.Contains(h.LocationId.Value))
            && (startAt is null || h.Date >= startAt)
            && (endAt is null || h.Date <= endAt);
    }

    private static Func<Location, bool> LocationFilter(QueryReader query, SandboxData data)
    {
        HashSet<long>? ids = query.Ids("ids");
        bool? main = query.Bool("main");
        HashSet<long>? ofEmployees = query.Ids("employee_ids") is HashSet<long> employees
            ? data.Employees.Query(e => employees.Contains(e.Id.Value) && e.LocationId is not null).Select(e => e.LocationId!.Value.Value).ToHashSet()
            : null;
        return l => (ids is null || ids.Contains(l.Id.Value))
            && (ofEmployees is null || ofEmployees.Contains(l.Id.Value))
            && (main is null || l.Main == main);
    }

    private static Func<Membership, bool> MembershipFilter(QueryReader query)
    {
        HashSet<long>? ids = query.Ids("ids");
        HashSet<long>? teams = query.Ids("team_ids");
        HashSet<long>? employees = query.Ids("employee_ids");
        bool? lead = query.Bool("lead");
        return m => (ids is null || ids.Contains(m.Id.Value))
            && (teams is null || teams.Contains(m.TeamId.Value))
            && (employees is null || employees.Contains(m.EmployeeId.Value))
            && (lead is null || m.Lead == lead);
    }
}
