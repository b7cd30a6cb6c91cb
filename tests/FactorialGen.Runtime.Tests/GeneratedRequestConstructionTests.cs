using System.Net.Http;
using FactorialGen.Runtime.Generated;

namespace FactorialGen.Tests;

/// <summary>
/// Generated operations build their request with one <see cref="FactorialCall.Create"/> call instead of a constructor
/// and an object initializer: it must give the very request the initializer gave (method, path, scope, resource scope,
/// and a path template that is the path when the path has no values), so errors, logs and the scope guard see the same.
/// </summary>
public sealed class GeneratedRequestConstructionTests
{
    [Fact]
    public void A_path_without_values_is_its_own_template()
    {
        var request = FactorialCall.Create(HttpMethod.Get, "/api/2026-07-01/resources/timeoff/leaves", FactorialScope.Read, FactorialResourceScopes.TimeOff);

        Assert.Same(HttpMethod.Get, request.Method);
        Assert.Equal("/api/2026-07-01/resources/timeoff/leaves", request.Path);
        Assert.Equal("/api/2026-07-01/resources/timeoff/leaves", request.PathTemplate);
        Assert.Equal(FactorialScope.Read, request.RequiredScope);
        Assert.Equal(FactorialResourceScopes.TimeOff, request.RequiredResource);
        Assert.Equal("GET /api/2026-07-01/resources/timeoff/leaves", request.ToString());
    }

    [Fact]
    public void A_path_with_values_keeps_its_template_and_the_stated_scope()
    {
        // A POST that only reads: the stated scope wins over the method's default (write).
        var request = FactorialCall.Create(HttpMethod.Post, "/api/2026-07-01/resources/timeoff/leaves/42", FactorialScope.Read, pathTemplate: "/api/2026-07-01/resources/timeoff/leaves/{id}");

        Assert.Equal("/api/2026-07-01/resources/timeoff/leaves/42", request.Path);
        Assert.Equal("/api/2026-07-01/resources/timeoff/leaves/{id}", request.PathTemplate);
        Assert.Equal(FactorialScope.Read, request.RequiredScope);
        Assert.Equal(FactorialResourceScopes.None, request.RequiredResource);
        Assert.Equal("POST /api/2026-07-01/resources/timeoff/leaves/{id}", request.ToString()); // never the concrete id
        Assert.Empty(request.Query);
        Assert.Null(request.Content);
    }

    [Fact]
    public void The_constructor_checks_still_apply()
    {
        Assert.Throws<System.ArgumentException>(() => FactorialCall.Create(HttpMethod.Get, " ", FactorialScope.Read));
        Assert.Throws<System.ArgumentNullException>(() => FactorialCall.Create(null!, "/api/x", FactorialScope.Read));
    }
}
