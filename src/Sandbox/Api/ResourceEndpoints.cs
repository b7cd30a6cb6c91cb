using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace FactorialGen.Sandbox.Api;

/// <summary>Registers the gate and every route under <c>/api/{version}/resources</c>.</summary>
internal static class ResourceEndpoints
{
    public static void MapResourceApi(this WebApplication app, SandboxState state)
    {
        var gate = new ApiGate(state);
        app.Use((HttpContext http, RequestDelegate next) => gate.InvokeAsync(http, next));

        RouteGroupBuilder api = app.MapGroup("/api/{version}/resources");
        EmployeeEndpoints.Map(api, state);
        ShiftEndpoints.Map(api, state);
        LeaveEndpoints.Map(api, state);
        CatalogEndpoints.Map(api, state);
        CredentialEndpoints.Map(api, state);
        EmployeeCreateEndpoints.Map(api, state);
        WebhookSubscriptionEndpoints.Map(api, state);

        app.MapFallback("/api/{**path}", http =>
            HttpJson.WriteErrorAsync(http, 404, "not_found", $"No resource is served at {http.Request.Path}."));
    }
}
