using System.Collections.Generic;
using FactorialGen.Sandbox.Data;
using FactorialGen.Sandbox.Json;
using FactorialGen.Sandbox.Models;
using FactorialGen.Sandbox.OAuth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace FactorialGen.Sandbox.Api;

/// <summary><c>api_public/credentials</c>: "who am I" for the token or API key of the request.</summary>
internal static class CredentialEndpoints
{
    public static void Map(IEndpointRouteBuilder api, SandboxState state)
    {
        api.MapGet("/api_public/credentials", ApiHandler.Run((http, req) =>
            ApiResponses.ListAsync(http, req, new List<Credential> { Describe(state.Data, req.Caller) }, ResourceJson.Credential)));
    }

    private static Credential Describe(SandboxData data, ApiCaller caller)
    {
        Employee? employee = data.Employees.Find(caller.EmployeeId);
        return new Credential
        {
            Id = employee?.AccessId ?? new ResourceId(caller.EmployeeId),
            CompanyId = SandboxData.CompanyId,
            EmployeeId = caller.EmployeeId,
            Email = employee?.Email,
            LoginEmail = employee?.LoginEmail,
            FullName = employee?.FullName,
            FirstName = employee?.FirstName,
            LastName = employee?.LastName,
            Role = "admin",
            Name = SandboxData.CompanyName,
            LegalName = SandboxData.CompanyLegalName,
            Locale = "en",
            SubscriptionPlan = "sandbox",
            Tos = true,
            GdprTos = true,
            Scope = ApiScopes.Format(caller.Scope),
            ResourceOwnerType = caller.OwnerType switch
            {
                ResourceOwnerType.Company => "company",
                ResourceOwnerType.User => "user",
                _ => "api_key",
            },
        };
    }
}
