using System;
using System.Collections.Generic;
using System.Net;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using FactorialGen.Sandbox.Data;
using FactorialGen.Sandbox.Json;
using FactorialGen.Sandbox.Models;
using FactorialGen.Sandbox.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace FactorialGen.Sandbox.Api;

/// <summary>
/// <c>api_public/webhook_subscriptions</c>: list, read, create, update, delete. One subscription per event type:
/// creating one of a type that exists replaces it. The sandbox only delivers to loopback URLs.
/// </summary>
internal static partial class WebhookSubscriptionEndpoints
{
    private const string Path = "/api_public/webhook_subscriptions";

    public static void Map(IEndpointRouteBuilder api, SandboxState state)
    {
        ResourceStore<WebhookSubscription> store = state.Webhooks.Subscriptions;
        api.MapGet(Path, ApiHandler.Run((http, req) => ApiResponses.ListAsync(http, req, List(store, new QueryReader(http.Request.Query)), ResourceJson.WebhookSubscription)));
        api.MapGet(Path + "/{id}", ApiHandler.Run((http, req) => ApiResponses.ItemAsync(http, req, Get(store, ApiHandler.RouteId(http)), ResourceJson.WebhookSubscription)));
        api.MapPost(Path, ApiHandler.Run((http, req) => CreateAsync(state, http, req)));
        api.MapPut(Path + "/{id}", ApiHandler.Run((http, req) => UpdateAsync(state, http, req)));
        api.MapDelete(Path + "/{id}", ApiHandler.Run((http, req) =>
        {
            long id = ApiHandler.RouteId(http);
            return ApiResponses.ItemAsync(http, req, ApiHandler.Found(store.Remove(id), id, "webhook subscription"), ResourceJson.WebhookSubscription);
        }));
    }

    private static List<WebhookSubscription> List(ResourceStore<WebhookSubscription> store, QueryReader query)
    {
        string? id = query.Text("id");
        string? company = query.Text("company_id");
        string? type = query.Text("type");
        bool? enabled = query.Bool("enabled");
        return store.Query(s =>
            (id is null || s.Id.ToString() == id)
            && (company is null || s.CompanyId.ToString() == company)
            && (type is null || s.Type == type)
            && (enabled is null || s.Enabled == enabled));
    }

    private static WebhookSubscription Get(ResourceStore<WebhookSubscription> store, long id) =>
        ApiHandler.Found(store.Find(id), id, "webhook subscription");

    private static async Task CreateAsync(SandboxState state, HttpContext http, ApiRequest api)
    {
        WebhookSubscriptionWriteRequest body = await BodyReader.ReadAsync(http, api, c => c.WebhookSubscriptionWriteRequest);
        long company = BodyReader.Required(body.CompanyId, "company_id").Value;
        if (company != SandboxData.CompanyId)
        {
            throw ApiProblem.Unprocessable($"The company_id {company} is not the sandbox's company ({SandboxData.CompanyId}).");
        }

        string type = CheckType(BodyReader.Required(body.SubscriptionType, "subscription_type"));
        string target = CheckTarget(BodyReader.Required(body.TargetUrl, "target_url"));
        string version = CheckVersion(body.ApiVersion) ?? api.Version.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        ResourceStore<WebhookSubscription> store = state.Webhooks.Subscriptions;
        WebhookSubscription created;
        lock (store.SyncRoot)
        {
            // One subscription per event type: a new one replaces the old (which stops receiving, retries included).
            foreach (WebhookSubscription old in store.Query(s => s.Type == type))
            {
                store.Remove(old.Id.Value);
            }

            created = store.Add(id => new WebhookSubscription
            {
                Id = id,
                TargetUrl = target,
                Type = type,
                CompanyId = SandboxData.CompanyId,
                Name = body.Name,
                Challenge = CheckChallenge(body.Challenge),
                Enabled = body.Enabled ?? true,
                ApiVersion = version,
            });
        }

        await ApiResponses.ItemAsync(http, api, created, ResourceJson.WebhookSubscription, 201);
    }

    private static async Task UpdateAsync(SandboxState state, HttpContext http, ApiRequest api)
    {
        long id = ApiHandler.RouteId(http);
        WebhookSubscriptionWriteRequest body = await BodyReader.ReadAsync(http, api, c => c.WebhookSubscriptionWriteRequest);
        if (body.Id is ResourceId bodyId && bodyId.Value != id)
        {
            throw ApiProblem.Unprocessable("The id in the body does not match the id in the path.");
        }

        string? type = body.SubscriptionType is null ? null : CheckType(body.SubscriptionType);
        string? target = body.TargetUrl is null ? null : CheckTarget(body.TargetUrl);
        string? version = CheckVersion(body.ApiVersion);
        string? challenge = CheckChallenge(body.Challenge);
        ResourceStore<WebhookSubscription> store = state.Webhooks.Subscriptions;
        WebhookSubscription? updated;
        lock (store.SyncRoot)
        {
            Get(store, id);
            if (type is not null && store.Query(s => s.Type == type && s.Id.Value != id).Count > 0)
            {
                throw ApiProblem.Unprocessable($"Another subscription already has the type '{type}'; delete it first.");
            }

            updated = store.Update(id, s => s with
            {
                Type = type ?? s.Type,
                TargetUrl = target ?? s.TargetUrl,
                Name = body.Name ?? s.Name,
                Challenge = challenge ?? s.Challenge,
                Enabled = body.Enabled ?? s.Enabled,
                ApiVersion = version ?? s.ApiVersion,
            });
        }

        await ApiResponses.ItemAsync(http, api, ApiHandler.Found(updated, id, "webhook subscription"), ResourceJson.WebhookSubscription);
    }

    private static string CheckType(string type) =>
        TypePattern().IsMatch(type) ? type : throw ApiProblem.Unprocessable($"'{type}' is not a subscription type such as attendance/shift/clock_in.");

    /// <summary>An absolute http(s) URL on a loopback host: the sandbox never posts outside the machine.</summary>
    private static string CheckTarget(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out Uri? uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || uri.UserInfo.Length > 0)
        {
            throw ApiProblem.Unprocessable("The target_url must be an absolute http or https URL.");
        }

        bool loopback = uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out IPAddress? address) && IPAddress.IsLoopback(address));
        return loopback ? uri.AbsoluteUri : throw ApiProblem.Unprocessable("The sandbox only delivers webhooks to loopback addresses (127.0.0.1, [::1], localhost).");
    }

    private static string? CheckVersion(string? version) =>
        version is null || ApiVersion.TryParse(version, out _) ? version : throw ApiProblem.Unprocessable($"'{version}' is not an API version (YYYY-MM-DD).");

    private static string? CheckChallenge(string? challenge) =>
        challenge is null || (challenge.Length <= 256 && !challenge.AsSpan().ContainsAnyInRange('\0', '\x1f'))
            ? challenge
            : throw ApiProblem.Unprocessable("The challenge must be at most 256 characters, without control characters.");

    [GeneratedRegex("^[a-z0-9_]+(/[a-z0-9_]+){1,3}$")]
    private static partial Regex TypePattern();
}
