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

/// <summary><c>attendance/shifts</c>: list, read, create, update, delete, clock in and clock out.</summary>
internal static class ShiftEndpoints
{
    private const string Path = "/attendance/shifts";
    private static readonly HashSet<string> LocationTypes = new(StringComparer.Ordinal) { "office", "business_trip", "work_from_home" };

    public static void Map(IEndpointRouteBuilder api, SandboxState state)
    {
        SandboxData data = state.Data;
        api.MapGet(Path, ApiHandler.Run((http, req) => ApiResponses.ListAsync(http, req, List(data, new QueryReader(http.Request.Query)), ResourceJson.Shift)));
        api.MapGet(Path + "/{id}", ApiHandler.Run((http, req) => ApiResponses.ItemAsync(http, req, Get(data, ApiHandler.RouteId(http)), ResourceJson.Shift)));
        api.MapPost(Path, ApiHandler.Run((http, req) => CreateAsync(state, http, req)));
        api.MapPut(Path + "/{id}", ApiHandler.Run((http, req) => UpdateAsync(state, http, req)));
        api.MapDelete(Path + "/{id}", ApiHandler.Run((http, req) =>
        {
            long id = ApiHandler.RouteId(http);
            return ApiResponses.ItemAsync(http, req, ApiHandler.Found(data.Shifts.Remove(id), id, "shift"), ResourceJson.Shift);
        }));
        api.MapPost(Path + "/clock_in", ApiHandler.Run((http, req) => ClockInAsync(state, http, req)));
        api.MapPost(Path + "/clock_out", ApiHandler.Run((http, req) => ClockOutAsync(state, http, req)));
    }

    private static List<Shift> List(SandboxData data, QueryReader query)
    {
        HashSet<long>? ids = query.Ids("ids");
        HashSet<long>? employees = query.Ids("employee_ids", "employee_id");
        DateOnly? startOn = query.Date("start_on");
        DateOnly? endOn = query.Date("end_on");
        bool? workable = query.Bool("workable");
        int? year = query.Int("year");
        int? month = query.Int("month");
        return data.Shifts.Query(s =>
            (ids is null || ids.Contains(s.Id.Value))
            && (employees is null || employees.Contains(s.EmployeeId.Value))
            && (startOn is null || s.Date >= startOn)
            && (endOn is null || s.Date <= endOn)
            && (workable is null || s.Workable == workable)
            && (year is null || s.Date.Year == year)
            && (month is null || s.Date.Month == month));
    }

    private static Shift Get(SandboxData data, long id) => ApiHandler.Found(data.Shifts.Find(id), id, "shift");

    private static async Task CreateAsync(SandboxState state, HttpContext http, ApiRequest api)
    {
        ShiftWriteRequest body = await BodyReader.ReadAsync(http, api, c => c.ShiftWriteRequest);
        DateOnly date = BodyReader.Required(body.Date, "date");
        long employeeId = body.EmployeeId?.Value ?? api.Caller.EmployeeId;
        EnsureEmployee(state.Data, employeeId);
        TimeOnly? clockIn = ParseTime(body.ClockIn, "clock_in");
        TimeOnly? clockOut = ParseTime(body.ClockOut, "clock_out");
        EnsureLocationType(body.LocationType);
        DateTimeOffset now = state.Now;
        Shift created = state.Data.Shifts.Add(id => new Shift
        {
            Id = id,
            EmployeeId = employeeId,
            CompanyId = SandboxData.CompanyId,
            Date = date,
            ReferenceDate = body.ReferenceDate ?? date,
            ClockIn = clockIn is TimeOnly ci ? ClockTimes.Format(ci) : null,
            ClockOut = clockOut is TimeOnly co ? ClockTimes.Format(co) : null,
            ClockInWithSeconds = clockIn is TimeOnly cis ? ClockTimes.FormatWithSeconds(cis) : null,
            InSource = "api",
            OutSource = clockOut is null ? null : "api",
            Minutes = clockIn is TimeOnly a && clockOut is TimeOnly b ? ClockTimes.MinutesBetween(a, b) : 0,
            Observations = body.Observations,
            LocationType = body.LocationType ?? "office",
            Workable = body.Workable ?? true,
            CreatedAt = now,
            UpdatedAt = now,
        });
        await ApiResponses.ItemAsync(http, api, created, ResourceJson.Shift, 201);
    }

    private static async Task UpdateAsync(SandboxState state, HttpContext http, ApiRequest api)
    {
        long id = ApiHandler.RouteId(http);
        ShiftWriteRequest body = await BodyReader.ReadAsync(http, api, c => c.ShiftWriteRequest);
        Get(state.Data, id);
        if (body.Id is ResourceId bodyId && bodyId.Value != id)
        {
            throw ApiProblem.Unprocessable("The id in the body does not match the id in the path.");
        }

        TimeOnly? clockIn = ParseTime(body.ClockIn, "clock_in");
        TimeOnly? clockOut = ParseTime(body.ClockOut, "clock_out");
        EnsureLocationType(body.LocationType);
        Shift? updated = state.Data.Shifts.Update(id, s =>
        {
            string? newIn = clockIn is TimeOnly ci ? ClockTimes.Format(ci) : s.ClockIn;
            string? newOut = clockOut is TimeOnly co ? ClockTimes.Format(co) : s.ClockOut;
            return s with
            {
                Date = body.Date ?? s.Date,
                ReferenceDate = body.ReferenceDate ?? body.Date ?? s.ReferenceDate,
                ClockIn = newIn,
                ClockOut = newOut,
                ClockInWithSeconds = clockIn is TimeOnly cis ? ClockTimes.FormatWithSeconds(cis) : s.ClockInWithSeconds,
                Minutes = Minutes(newIn, newOut),
                Observations = body.Observations ?? s.Observations,
                LocationType = body.LocationType ?? s.LocationType,
                Workable = body.Workable ?? s.Workable,
                UpdatedAt = state.Now,
            };
        });
        await ApiResponses.ItemAsync(http, api, ApiHandler.Found(updated, id, "shift"), ResourceJson.Shift);
    }

    private static async Task ClockInAsync(SandboxState state, HttpContext http, ApiRequest api)
    {
        ClockRequest body = await BodyReader.ReadAsync(http, api, c => c.ClockRequest);
        DateTimeOffset moment = ParseMoment(body.Now);
        long employeeId = body.EmployeeId?.Value ?? api.Caller.EmployeeId;
        EnsureEmployee(state.Data, employeeId);
        EnsureLocationType(body.LocationType);
        DateOnly date = DateOnly.FromDateTime(moment.DateTime);
        TimeOnly time = TimeOnly.FromDateTime(moment.DateTime);
        ResourceStore<Shift> shifts = state.Data.Shifts;
        Shift created;
        lock (shifts.SyncRoot)
        {
            if (OpenShiftOf(shifts, employeeId) is Shift open)
            {
                throw ApiProblem.Unprocessable($"Employee {employeeId} is already clocked in (shift {open.Id} since {open.Date:yyyy-MM-dd} {open.ClockIn}).");
            }

            DateTimeOffset now = state.Now;
            created = shifts.Add(id => new Shift
            {
                Id = id,
                EmployeeId = employeeId,
                CompanyId = SandboxData.CompanyId,
                Date = date,
                ReferenceDate = date,
                ClockIn = ClockTimes.Format(time),
                ClockInWithSeconds = ClockTimes.FormatWithSeconds(time),
                InSource = "api",
                Minutes = 0,
                Observations = body.Observations,
                LocationType = body.LocationType ?? "office",
                Workable = true,
                CreatedAt = now,
                UpdatedAt = now,
            });
        }

        state.Webhooks.Publish("attendance/shift/clock_in", created, ResourceJson.Shift);
        await ApiResponses.ItemAsync(http, api, created, ResourceJson.Shift);
    }

    private static async Task ClockOutAsync(SandboxState state, HttpContext http, ApiRequest api)
    {
        ClockRequest body = await BodyReader.ReadAsync(http, api, c => c.ClockRequest);
        DateTimeOffset moment = ParseMoment(body.Now);
        long employeeId = body.EmployeeId?.Value ?? api.Caller.EmployeeId;
        EnsureEmployee(state.Data, employeeId);
        TimeOnly time = TimeOnly.FromDateTime(moment.DateTime);
        ResourceStore<Shift> shifts = state.Data.Shifts;
        Shift? closed;
        lock (shifts.SyncRoot)
        {
            Shift open = OpenShiftOf(shifts, employeeId)
                ?? throw ApiProblem.Unprocessable($"Employee {employeeId} is not clocked in.");
            closed = shifts.Update(open.Id.Value, s => s with
            {
                ClockOut = ClockTimes.Format(time),
                OutSource = "api",
                Minutes = Minutes(s.ClockIn, ClockTimes.Format(time)),
                Observations = body.Observations ?? s.Observations,
                UpdatedAt = state.Now,
            });
        }

        state.Webhooks.Publish("attendance/shift/clock_out", closed!, ResourceJson.Shift);
        await ApiResponses.ItemAsync(http, api, closed!, ResourceJson.Shift);
    }

    private static Shift? OpenShiftOf(ResourceStore<Shift> shifts, long employeeId)
    {
        List<Shift> open = shifts.Query(s => s.EmployeeId.Value == employeeId && s.ClockIn is not null && s.ClockOut is null);
        return open.Count == 0 ? null : open[^1];
    }

    private static int Minutes(string? clockIn, string? clockOut) =>
        ClockTimes.TryParseTime(clockIn, out TimeOnly a) && ClockTimes.TryParseTime(clockOut, out TimeOnly b)
            ? ClockTimes.MinutesBetween(a, b)
            : 0;

    private static TimeOnly? ParseTime(string? text, string field)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return ClockTimes.TryParseTime(text, out TimeOnly time)
            ? time
            : throw ApiProblem.Unprocessable($"The field '{field}' must be HH:mm or an ISO 8601 date-time; got '{text}'.");
    }

    private static DateTimeOffset ParseMoment(string? text) =>
        ClockTimes.TryParseMoment(BodyReader.Required(text, "now"), out DateTimeOffset moment)
            ? moment
            : throw ApiProblem.Unprocessable($"The field 'now' must be an ISO 8601 date-time; got '{text}'.");

    private static void EnsureEmployee(SandboxData data, long employeeId)
    {
        if (data.Employees.Find(employeeId) is null)
        {
            throw ApiProblem.Unprocessable($"The employee_id {employeeId} does not name an employee.");
        }
    }

    private static void EnsureLocationType(string? locationType)
    {
        if (locationType is not null && !LocationTypes.Contains(locationType))
        {
            throw ApiProblem.Unprocessable($"The location_type '{locationType}' is not one of office, business_trip, work_from_home.");
        }
    }
}
