using System;
using System.Threading.Tasks;
using FactorialGen.Sandbox.Data;
using FactorialGen.Sandbox.Json;
using FactorialGen.Sandbox.Models;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace FactorialGen.Sandbox.Api;

/// <summary><c>POST employees/employees/create_with_contract</c>: adds an employee to the company.</summary>
internal static class EmployeeCreateEndpoints
{
    public static void Map(IEndpointRouteBuilder api, SandboxState state) =>
        api.MapPost("/employees/employees/create_with_contract", ApiHandler.Run((http, req) => CreateAsync(state, http, req)));

    private static async Task CreateAsync(SandboxState state, HttpContext http, ApiRequest api)
    {
        EmployeeCreateRequest body = await BodyReader.ReadAsync(http, api, c => c.EmployeeCreateRequest);
        long company = BodyReader.Required(body.CompanyId, "company_id").Value;
        if (company != SandboxData.CompanyId)
        {
            throw ApiProblem.Unprocessable($"The company_id {company} is not the sandbox's company ({SandboxData.CompanyId}).");
        }

        string first = BodyReader.Required(body.FirstName, "first_name").Trim();
        string last = BodyReader.Required(body.LastName, "last_name").Trim();
        string email = BodyReader.Required(body.Email, "email").Trim();
        if (!email.Contains('@', StringComparison.Ordinal))
        {
            throw ApiProblem.Unprocessable($"'{email}' is not an email address.");
        }

        SandboxData data = state.Data;
        if (body.ManagerId is ResourceId manager && data.Employees.Find(manager.Value) is null)
        {
            throw ApiProblem.Unprocessable($"The manager_id {manager} does not name an employee.");
        }

        if (body.LocationId is ResourceId location && data.Locations.Find(location.Value) is null)
        {
            throw ApiProblem.Unprocessable($"The location_id {location} does not exist.");
        }

        DateTimeOffset now = state.Now;
        Employee created;
        lock (data.Employees.SyncRoot)
        {
            if (data.Employees.Query(e => string.Equals(e.Email, email, StringComparison.OrdinalIgnoreCase)).Count > 0)
            {
                throw ApiProblem.Unprocessable($"An employee with the email {email} already exists.");
            }

            created = data.Employees.Add(id => new Employee
            {
                Id = id,
                AccessId = 10_000 + id.Value,
                FirstName = first,
                LastName = last,
                FullName = $"{first} {last}",
                Email = email,
                BirthdayOn = body.BirthdayOn,
                Gender = body.Gender,
                Nationality = body.Nationality,
                PhoneNumber = body.PhoneNumber,
                CompanyId = SandboxData.CompanyId,
                LegalEntityId = 1,
                LocationId = body.LocationId ?? SeedLocations.Barcelona, // the headquarters, when none is given
                ManagerId = body.ManagerId,
                TimeoffManagerId = body.ManagerId,
                CompanyIdentifier = body.CompanyIdentifier,
                SeniorityCalculationDate = body.ContractStartsOn ?? state.Today,
                CreatedAt = now,
                UpdatedAt = now,
                Active = true,
                Attendable = true,
            });
        }

        state.Webhooks.Publish("employees/employee/create_with_contract", created, ResourceJson.Employee);
        await ApiResponses.ItemAsync(http, api, created, ResourceJson.Employee);
    }
}
