using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using FactorialGen.Sandbox.Data;
using FactorialGen.Sandbox.Json;
using FactorialGen.Sandbox.Models;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace FactorialGen.Sandbox.Api;

/// <summary><c>employees/employees</c>: list, read, update, invite, terminate, unterminate.</summary>
internal static class EmployeeEndpoints
{
    private const string Path = "/employees/employees";

    public static void Map(IEndpointRouteBuilder api, SandboxState state)
    {
        SandboxData data = state.Data;
        api.MapGet(Path, ApiHandler.Run((http, req) => ApiResponses.ListAsync(http, req, List(data, new QueryReader(http.Request.Query)), ResourceJson.Employee)));
        api.MapGet(Path + "/{id}", ApiHandler.Run((http, req) => ApiResponses.ItemAsync(http, req, Get(data, ApiHandler.RouteId(http)), ResourceJson.Employee)));
        api.MapPut(Path + "/{id}", ApiHandler.Run((http, req) => UpdateAsync(state, http, req)));
        api.MapPost(Path + "/invite", ApiHandler.Run((http, req) => InviteAsync(state, http, req)));
        api.MapPost(Path + "/terminate", ApiHandler.Run((http, req) => TerminateAsync(state, http, req)));
        api.MapPost(Path + "/unterminate", ApiHandler.Run((http, req) => UnterminateAsync(state, http, req)));
    }

    private static List<Employee> List(SandboxData data, QueryReader query)
    {
        HashSet<long>? ids = query.Ids("ids");
        HashSet<long>? accessIds = query.Ids("access_ids");
        HashSet<string>? emails = query.Texts("emails")?.ToHashSet(StringComparer.OrdinalIgnoreCase);
        HashSet<long>? locations = query.Ids("location_ids");
        HashSet<long>? legalEntities = query.Ids("legal_entity_ids");
        bool onlyActive = query.Bool("only_active") ?? false;
        bool onlyManagers = query.Bool("only_managers") ?? false;
        string? fullText = query.Text("full_text_name");
        string? startsWith = query.Text("name_starts_with");
        string? companyIdentifier = query.Text("company_identifier");
        HashSet<long>? teamMembers = query.Ids("team_ids") is HashSet<long> teams
            ? data.Memberships.Query(m => teams.Contains(m.TeamId.Value)).Select(m => m.EmployeeId.Value).ToHashSet()
            : null;
        HashSet<long>? managers = onlyManagers
            ? data.Employees.Query(e => e.ManagerId is not null).Select(e => e.ManagerId!.Value.Value).ToHashSet()
            : null;

        return data.Employees.Query(e =>
            (ids is null || ids.Contains(e.Id.Value))
            && (accessIds is null || accessIds.Contains(e.AccessId.Value))
            && (emails is null || (e.Email is not null && emails.Contains(e.Email)) || (e.LoginEmail is not null && emails.Contains(e.LoginEmail)))
            && (locations is null || (e.LocationId is ResourceId l && locations.Contains(l.Value)))
            && (legalEntities is null || (e.LegalEntityId is ResourceId le && legalEntities.Contains(le.Value)))
            && (!onlyActive || e.Active)
            && (managers is null || managers.Contains(e.Id.Value))
            && (teamMembers is null || teamMembers.Contains(e.Id.Value))
            && (fullText is null || e.FullName.Contains(fullText, StringComparison.OrdinalIgnoreCase))
            && (companyIdentifier is null || e.CompanyIdentifier == companyIdentifier)
            && (startsWith is null
                || e.FirstName.StartsWith(startsWith, StringComparison.OrdinalIgnoreCase)
                || e.LastName.StartsWith(startsWith, StringComparison.OrdinalIgnoreCase)
                || e.FullName.StartsWith(startsWith, StringComparison.OrdinalIgnoreCase)));
    }

    private static Employee Get(SandboxData data, long id) => ApiHandler.Found(data.Employees.Find(id), id, "employee");

    private static async Task UpdateAsync(SandboxState state, HttpContext http, ApiRequest api)
    {
        long id = ApiHandler.RouteId(http);
        EmployeeUpdateRequest body = await BodyReader.ReadAsync(http, api, c => c.EmployeeUpdateRequest);
        Get(state.Data, id);
        if (body.Id is ResourceId bodyId && bodyId.Value != id)
        {
            throw ApiProblem.Unprocessable("The id in the body does not match the id in the path.");
        }

        EnsureEmployee(state.Data, body.ManagerId, "manager_id");
        EnsureEmployee(state.Data, body.TimeoffManagerId, "timeoff_manager_id");
        if (body.LocationId is ResourceId location && state.Data.Locations.Find(location.Value) is null)
        {
            throw ApiProblem.Unprocessable($"The location_id {location} does not exist.");
        }

        if (body.FirstName is "" || body.LastName is "")
        {
            throw ApiProblem.Unprocessable("first_name and last_name cannot be blank.");
        }

        Employee? updated = state.Data.Employees.Update(id, e =>
        {
            string first = body.FirstName ?? e.FirstName;
            string last = body.LastName ?? e.LastName;
            return e with
            {
                FirstName = first,
                LastName = last,
                FullName = $"{first} {last}",
                PreferredName = body.PreferredName ?? e.PreferredName,
                BirthdayOn = body.BirthdayOn ?? e.BirthdayOn,
                Gender = body.Gender ?? e.Gender,
                Nationality = body.Nationality ?? e.Nationality,
                PhoneNumber = body.PhoneNumber ?? e.PhoneNumber,
                CompanyIdentifier = body.CompanyIdentifier ?? e.CompanyIdentifier,
                ManagerId = body.ManagerId ?? e.ManagerId,
                TimeoffManagerId = body.TimeoffManagerId ?? e.TimeoffManagerId,
                LocationId = body.LocationId ?? e.LocationId,
                SeniorityCalculationDate = body.SeniorityCalculationDate ?? e.SeniorityCalculationDate,
                UpdatedAt = state.Now,
            };
        });
        await ApiResponses.ItemAsync(http, api, ApiHandler.Found(updated, id, "employee"), ResourceJson.Employee);
    }

    private static async Task InviteAsync(SandboxState state, HttpContext http, ApiRequest api)
    {
        EmployeeInviteRequest body = await BodyReader.ReadAsync(http, api, c => c.EmployeeInviteRequest);
        long id = BodyReader.Required(body.Id, "id").Value;
        long company = BodyReader.Required(body.CompanyId, "company_id").Value;
        if (company != SandboxData.CompanyId)
        {
            throw ApiProblem.Unprocessable($"The employee does not belong to company {company}.");
        }

        Employee? updated = state.Data.Employees.Update(id, e => e with
        {
            LoginEmail = e.LoginEmail ?? e.Email,
            UpdatedAt = state.Now,
        });
        await ApiResponses.ItemAsync(http, api, ApiHandler.Found(updated, id, "employee"), ResourceJson.Employee);
    }

    private static async Task TerminateAsync(SandboxState state, HttpContext http, ApiRequest api)
    {
        EmployeeTerminateRequest body = await BodyReader.ReadAsync(http, api, c => c.EmployeeTerminateRequest);
        long id = BodyReader.Required(body.Id, "id").Value;
        DateOnly terminatedOn = BodyReader.Required(body.TerminatedOn, "terminated_on");
        if (id == state.Data.AdminEmployeeId)
        {
            throw ApiProblem.Unprocessable("The signed-in admin cannot terminate themselves.");
        }

        DateOnly today = state.Today;
        Employee? updated = state.Data.Employees.Update(id, e => e with
        {
            TerminatedOn = terminatedOn,
            TerminationReason = body.TerminationReason,
            IsTerminating = terminatedOn > today,
            Active = terminatedOn > today,
            UpdatedAt = state.Now,
        });
        await ApiResponses.ItemAsync(http, api, ApiHandler.Found(updated, id, "employee"), ResourceJson.Employee);
    }

    private static async Task UnterminateAsync(SandboxState state, HttpContext http, ApiRequest api)
    {
        IdRequest body = await BodyReader.ReadAsync(http, api, c => c.IdRequest);
        long id = BodyReader.Required(body.Id, "id").Value;
        Employee? updated = state.Data.Employees.Update(id, e => e with
        {
            TerminatedOn = null,
            TerminationReason = null,
            IsTerminating = false,
            Active = true,
            UpdatedAt = state.Now,
        });
        await ApiResponses.ItemAsync(http, api, ApiHandler.Found(updated, id, "employee"), ResourceJson.Employee);
    }

    private static void EnsureEmployee(SandboxData data, ResourceId? id, string field)
    {
        if (id is ResourceId value && data.Employees.Find(value.Value) is null)
        {
            throw ApiProblem.Unprocessable($"The {field} {value} does not name an employee.");
        }
    }
}
