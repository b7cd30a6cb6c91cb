using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;

namespace FactorialGen.Generator.Tests;

/// <summary>
/// The request of a generated operation: its path is written once, as its template (<c>FactorialCall.Get("…/{id}", …, id)</c>),
/// and the runtime fills the placeholders with the escaped values, giving the very path the old concatenation gave; a list
/// operation's one-page and every-item methods share one request builder, so its query is written once per overload.
/// The generated client is compiled, loaded and called over a handler that records the request it would send.
/// </summary>
public sealed class GeneratedRequestPathTests
{
    private const string Prefix = "/api/2026-07-01/resources/things/";

    private const string Document = """
        {"openapi":"3.0.1","info":{"title":"t","version":"2026-07-01"},"paths":{
          "/api/2026-07-01/resources/things/things":{"get":{"parameters":[
              {"name":"ids[]","in":"query","schema":{"type":"array","items":{"type":"string"}}},
              {"name":"only_active","in":"query","schema":{"type":"boolean"}}],
            "responses":{"200":{"description":"ok","content":{"application/json":{"schema":{"type":"object","properties":{"data":{"type":"array","items":{"$ref":"#/components/schemas/things_thing"}},"meta":{"type":"object"}}}}}}}}},
          "/api/2026-07-01/resources/things/things/{id}":{
            "get":{"parameters":[{"name":"id","in":"path","required":true,"schema":{"type":"string"}}],"responses":{"200":{"description":"ok","content":{"application/json":{"schema":{"$ref":"#/components/schemas/things_thing"}}}}}},
            "head":{"parameters":[{"name":"id","in":"path","required":true,"schema":{"type":"string"}}],"responses":{"204":{"description":"ok"}}}},
          "/api/2026-07-01/resources/things/things/{id}/parts/{part_id}":{"put":{"parameters":[
              {"name":"id","in":"path","required":true,"schema":{"type":"string"}},{"name":"part_id","in":"path","required":true,"schema":{"type":"integer"}}],
            "responses":{"204":{"description":"ok"}}}},
          "/api/2026-07-01/resources/things/things/{a}/b/{b}/c/{c}":{"delete":{"parameters":[
              {"name":"a","in":"path","required":true,"schema":{"type":"string"}},{"name":"b","in":"path","required":true,"schema":{"type":"integer"}},{"name":"c","in":"path","required":true,"schema":{"type":"string"}}],
            "responses":{"204":{"description":"ok"}}}},
          "/api/2026-07-01/resources/things/things/{w}/x/{x}/y/{y}/z/{z}.json":{"patch":{"parameters":[
              {"name":"w","in":"path","required":true,"schema":{"type":"string"}},{"name":"x","in":"path","required":true,"schema":{"type":"string"}},{"name":"y","in":"path","required":true,"schema":{"type":"integer"}},{"name":"z","in":"path","required":true,"schema":{"type":"string"}}],
            "responses":{"204":{"description":"ok"}}}}},
         "components":{"schemas":{"things_thing":{"type":"object","properties":{"name":{"type":"string"}}}}}}
        """;

    private const string Source = "namespace Acme; [FactorialGen.FactorialClient(FactorialGen.FactorialScope.ReadWrite, Spec = \"factorial-things.json\")] public partial class Hr;";

    [Fact]
    public void Each_path_is_written_once_per_request_as_its_template()
    {
        var source = Generate().ClientSource("Acme.Hr");

        // The part every path of the resource shares is its __Path constant, written once (PathText).
        Assert.Equal(1, Occurrences(source, Quoted(Prefix + "things")));
        Assert.Contains($"private const string __Path = {Quoted(Prefix + "things")};", source, StringComparison.Ordinal);

        // The [FactorialOperation] attribute and the request: no concatenated path, no second copy as pathTemplate.
        Assert.Equal(2, Occurrences(source, "__Path + " + Quoted("/{id}/parts/{part_id}")));
        Assert.Equal(2, Occurrences(source, "__Path + " + Quoted("/{a}/b/{b}/c/{c}")));
        Assert.Equal(4, Occurrences(source, "__Path + " + Quoted("/{id}"))); // GET and HEAD
        Assert.Contains($"__R::FactorialCall.Put(__Path + {Quoted("/{id}/parts/{part_id}")}, __Scope.Write, __Res.None, id, __R::FactorialQuery.FormatInt64(partId)!)", source, StringComparison.Ordinal);
        Assert.Contains($"__R::FactorialCall.FromTemplate(__S::Net.Http.HttpMethod.Head, __Path + {Quoted("/{id}")}", source, StringComparison.Ordinal);

        // Four values are more than the runtime's template forms take: the one operation that concatenates.
        Assert.Equal(1, Occurrences(source, "pathTemplate: "));
        Assert.Equal(4, Occurrences(source, "__S::Uri.EscapeDataString("));
    }

    [Fact]
    public void One_page_and_every_item_share_the_request_builder_and_its_query()
    {
        var source = Generate().ClientSource("Acme.Hr");

        Assert.Equal(1, Occurrences(source, "__request.AddQuery(\"ids[]\", ids);"));
        Assert.Equal(1, Occurrences(source, "__R::FactorialCall.AddPaging(__request, limit, afterId, beforeId, page);"));
        Assert.Contains("__connection.GetPageAsync(__ListRequest(ids, onlyActive, limit, afterId, beforeId, page), ", source, StringComparison.Ordinal);
        Assert.Contains("__connection.ListAllAsync(__ListRequest(ids, onlyActive, null, null, null, null), ", source, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_compiled_client_sends_the_paths_the_concatenation_sent()
    {
        var sent = new List<string>();
        var hr = CreateClient(Compile(), new RecordingHandler(sent));
        var things = Property(Property(hr, "Things"), "Things");
        const string Id = "a/b?c#d é😀 100% ..";

        await Call(things, "GetAsync", Id);
        await Call(things, "HeadAsync", Id);
        await Call(things, "UpdatePartsAsync", Id, 42L);
        await Call(things, "DeleteBCAsync", "x/y", -7L, "%2e%2e");
        await Call(things, "UpdateXYZZJsonAsync", "1", "a b", 3L, "ü");
        await Call(things, "ListAsync", new[] { "1", "a&b" }, true, 5, "c", null, null);
        var all = (IAsyncEnumerable<object>)things.GetType().GetMethod("ListAllAsync")!.Invoke(things, [new[] { "1", "a&b" }, true, null, CancellationToken.None])!;
        await foreach (var _ in all)
        {
        }

        var id = Uri.EscapeDataString(Id);
        Assert.Equal(
            [
                "GET " + Prefix + "things/" + id,
                "HEAD " + Prefix + "things/" + id,
                "PUT " + Prefix + "things/" + id + "/parts/42",
                "DELETE " + Prefix + "things/" + Uri.EscapeDataString("x/y") + "/b/-7/c/" + Uri.EscapeDataString("%2e%2e"),
                "PATCH " + Prefix + "things/1/x/" + Uri.EscapeDataString("a b") + "/y/3/z/" + Uri.EscapeDataString("ü") + ".json",
                "GET " + Prefix + "things?ids%5B%5D=1&ids%5B%5D=a%26b&only_active=true&limit=5&after_id=c",
                "GET " + Prefix + "things?ids%5B%5D=1&ids%5B%5D=a%26b&only_active=true&limit=100",
            ],
            sent);
    }

    [Fact]
    public async Task A_null_path_value_is_refused_naming_the_callers_parameter()
    {
        var hr = CreateClient(Compile(), new RecordingHandler([]));
        var things = Property(Property(hr, "Things"), "Things");

        var error = await Assert.ThrowsAsync<ArgumentNullException>(() => Call(things, "UpdatePartsAsync", null, 1L));
        var third = await Assert.ThrowsAsync<ArgumentNullException>(() => Call(things, "DeleteBCAsync", "a", 1L, null));

        Assert.Equal("id", error.ParamName);
        Assert.Equal("c", third.ParamName);
    }

    private static GeneratorHarness.Result Generate()
    {
        var result = GeneratorHarness.Run(Source, GeneratorHarness.Document("factorial-things.json", Document));
        Assert.Empty(result.CompileProblems);
        return result;
    }

    private static Assembly Compile()
    {
        using var stream = new MemoryStream();
        var emitted = Generate().Output.Emit(stream);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        stream.Position = 0;
        return new AssemblyLoadContext("request-paths", isCollectible: false).LoadFromStream(stream);
    }

    private static object CreateClient(Assembly assembly, HttpMessageHandler handler) =>
        Activator.CreateInstance(
            assembly.GetType("Acme.Hr")!,
            new FactorialApiKey("key"),
            new FactorialClientOptions { BaseAddress = new Uri("https://api.factorialhr.com/"), PrimaryHandler = handler, RequestBudget = null })!;

    private static object Property(object target, string name) => target.GetType().GetProperty(name)!.GetValue(target)!;

    private static async Task Call(object resource, string method, params object?[] arguments)
    {
        try
        {
            await (Task)resource.GetType().GetMethod(method)!.Invoke(resource, [.. arguments, CancellationToken.None])!;
        }
        catch (TargetInvocationException e) when (e.InnerException is { } inner)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(inner);
        }
    }

    private static string Quoted(string text) => "\"" + text + "\"";

    private static int Occurrences(string text, string part) => Regex.Matches(text, Regex.Escape(part)).Count;

    /// <summary>Records <c>METHOD path?query</c> of each request and answers an empty last page (lists) or <c>{}</c>.</summary>
    private sealed class RecordingHandler(List<string> sent) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var target = request.RequestUri!.PathAndQuery;
            sent.Add(request.Method.Method + " " + target);
            var body = target.Contains("things?", StringComparison.Ordinal) || target.EndsWith("things", StringComparison.Ordinal) ? """{"data": [], "meta": {}}""" : "{}";
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") });
        }
    }
}
