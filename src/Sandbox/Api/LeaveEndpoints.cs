using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using FactorialGen.Sandbox.Data;
using FactorialGen.Sandbox.Json;
using FactorialGen.Sandbox.Models;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace FactorialGen.Sandbox.Api;

/// <summary><c>timeoff/leaves</c>: list, read, create, update, delete, approve and reject.</summary>
internal static class LeaveEndpoints
{
    private const string Path = "/timeoff/leaves";

    public static void Map(IEndpointRouteBuilder api, SandboxState state)
    {
        SandboxData data = state.Data;
        api.MapGet(Path, ApiHandler.Run((http, req) => ApiResponses.ListAsync(http, req, List(data, new QueryReader(http.Request.Query)), ResourceJson.Leave)));
        api.MapGet(Path + "/{id}", ApiHandler.Run((http, req) => ApiResponses.ItemAsync(http, req, Get(data, ApiHandler.RouteId(http)), ResourceJson.Leave)));
        api.MapPost(Path, ApiHandler.Run((http, req) => CreateAsync(state, http, req)));
        api.MapPut(Path + "/{id}", ApiHandler.Run((http, req) => UpdateAsync(state, http, req)));
        api.MapDelete(Path + "/{id}", ApiHandler.Run((http, req) =>
        {
            long id = ApiHandler.RouteId(http);
            return ApiResponses.ItemAsync(http, req, ApiHandler.Found(data.Leaves.Remove(id), id, "leave"), ResourceJson.Leave);
        }));
        api.MapPost(Path + "/approve", ApiHandler.Run((http, req) => DecideAsync(state, http, req, approve: true)));
        api.MapPost(Path + "/reject", ApiHandler.Run((http, req) => DecideAsync(state, http, req, approve: false)));
    }

    /// <summary>
    /// Without <c>approved</c> every leave is listed (pending ones too unless <c>include_pending=false</c>);
    /// with it, only leaves in that state, plus pending ones when <c>include_pending=true</c>.
    /// <c>from</c>/<c>to</c> keep the leaves that overlap the range.
    /// </summary>
    private static List<Leave> List(SandboxData data, QueryReader query)
    {
        HashSet<long>? ids = query.Ids("ids");
        HashSet<long>? employees = query.Ids("employee_ids", "employee_id");
        HashSet<long>? types = query.Ids("leave_type_id", "leave_type_ids");
        DateOnly? from = query.Date("from");
        DateOnly? to = query.Date("to");
        bool? approved = query.Bool("approved");
        bool? includePending = query.Bool("include_pending");
        return data.Leaves.Query(l =>
            (ids is null || ids.Contains(l.Id.Value))
            && (employees is null || employees.Contains(l.EmployeeId.Value))
            && (types is null || (l.LeaveTypeId is ResourceId t && types.Contains(t.Value)))
            && (from is null || l.FinishOn >= from)
            && (to is null || l.StartOn <= to)
            && (l.Approved is null
                ? includePending ?? approved is null
                : approved is null || l.Approved == approved));
    }

    private static Leave Get(SandboxData data, long id) => ApiHandler.Found(data.Leaves.Find(id), id, "leave");

    private static async Task CreateAsync(SandboxState state, HttpContext http, ApiRequest api)
    {
        LeaveWriteRequest body = await BodyReader.ReadAsync(http, api, c => c.LeaveWriteRequest);
        long employeeId = BodyReader.Required(body.EmployeeId, "employee_id").Value;
        DateOnly startOn = BodyReader.Required(body.StartOn, "start_on");
        DateOnly finishOn = body.FinishOn ?? startOn;
        Employee employee = state.Data.Employees.Find(employeeId)
            ?? throw ApiProblem.Unprocessable($"The employee_id {employeeId} does not name an employee.");
        LeaveType type = FindType(state.Data, body.LeaveTypeId ?? new ResourceId(1));
        string? halfDay = CheckDates(startOn, finishOn, body.HalfDay);
        DateTimeOffset now = state.Now;
        Leave created = state.Data.Leaves.Add(id => new Leave
        {
            Id = id,
            CompanyId = SandboxData.CompanyId,
            EmployeeId = employee.Id,
            EmployeeFullName = employee.FullName,
            LeaveTypeId = type.Id,
            LeaveTypeName = type.Name,
            StartOn = startOn,
            FinishOn = finishOn,
            HalfDay = halfDay,
            Description = body.Description,
            Approved = type.ApprovalRequired ? null : true,
            DaysTaken = LeaveDays.DaysTaken(startOn, finishOn, halfDay),
            CreatedAt = now,
            UpdatedAt = now,
        });
        state.Webhooks.Publish("timeoff/leave/create", created, ResourceJson.Leave);
        await ApiResponses.ItemAsync(http, api, created, ResourceJson.Leave, 201);
    }

    private static async Task UpdateAsync(SandboxState state, HttpContext http, ApiRequest api)
    {
        long id = ApiHandler.RouteId(http);
        LeaveWriteRequest body = await BodyReader.ReadAsync(http, api, c => c.LeaveWriteRequest);
        Leave current = Get(state.Data, id);
        if (body.Id is ResourceId bodyId && bodyId.Value != id)
        {
            throw ApiProblem.Unprocessable("The id in the body does not match the id in the path.");
        }

        Employee? employee = body.EmployeeId is ResourceId e
            ? state.Data.Employees.Find(e.Value) ?? throw ApiProblem.Unprocessable($"The employee_id {e} does not name an employee.")
            : null;
        LeaveType? type = body.LeaveTypeId is ResourceId t ? FindType(state.Data, t) : null;
        DateOnly startOn = body.StartOn ?? current.StartOn;
        DateOnly finishOn = body.FinishOn ?? current.FinishOn;
        string? halfDay = CheckDates(startOn, finishOn, body.HalfDay ?? current.HalfDay);
        Leave? updated = state.Data.Leaves.Update(id, l => l with
        {
            EmployeeId = employee?.Id ?? l.EmployeeId,
            EmployeeFullName = employee?.FullName ?? l.EmployeeFullName,
            LeaveTypeId = type?.Id ?? l.LeaveTypeId,
            LeaveTypeName = type?.Name ?? l.LeaveTypeName,
            StartOn = startOn,
            FinishOn = finishOn,
            HalfDay = halfDay,
            Description = body.Description ?? l.Description,
            Approved = body.Approved ?? l.Approved,
            DaysTaken = LeaveDays.DaysTaken(startOn, finishOn, halfDay),
            UpdatedAt = state.Now,
        });
        await ApiResponses.ItemAsync(http, api, ApiHandler.Found(updated, id, "leave"), ResourceJson.Leave);
    }

    private static async Task DecideAsync(SandboxState state, HttpContext http, ApiRequest api, bool approve)
    {
        IdRequest body = await BodyReader.ReadAsync(http, api, c => c.IdRequest);
        long id = BodyReader.Required(body.Id, "id").Value;
        Leave? updated = state.Data.Leaves.Update(id, l => l with
        {
            Approved = approve,
            Reason = approve ? l.Reason : body.Reason ?? l.Reason,
            UpdatedAt = state.Now,
        });
        await ApiResponses.ItemAsync(http, api, ApiHandler.Found(updated, id, "leave"), ResourceJson.Leave);
    }

    private static LeaveType FindType(SandboxData data, ResourceId id) =>
        data.LeaveTypes.Find(id.Value) ?? throw ApiProblem.Unprocessable($"The leave_type_id {id} does not name a leave type.");

    private static string? CheckDates(DateOnly startOn, DateOnly finishOn, string? halfDay)
    {
        if (finishOn < startOn)
        {
            throw ApiProblem.Unprocessable("finish_on cannot be before start_on.");
        }

        if (!LeaveDays.TryNormalizeHalfDay(halfDay, out string? normalized))
        {
            throw ApiProblem.Unprocessable($"half_day must be '{LeaveDays.BeginningOfDay}', '{LeaveDays.EndOfDay}' or empty; got '{halfDay}'.");
        }

        if (normalized is not null && finishOn != startOn)
        {
            throw ApiProblem.Unprocessable("A half-day leave must start and finish on the same day.");
        }

        return normalized;
    }
}
