using System;
using System.Linq;
using FactorialGen.Generator.Model;

namespace FactorialGen.Generator.Tests;

/// <summary>
/// The generator cannot reference the runtime, so it mirrors its scope types: <see cref="ResourceScope"/> ↔
/// <see cref="FactorialResourceScopes"/>, <see cref="AccessScope"/> ↔ <see cref="FactorialScope"/>, and the table's OAuth
/// names ↔ <see cref="FactorialScopes.ToOAuthString(FactorialResourceScopes)"/>. A member added on one side only fails here.
/// </summary>
public sealed class ResourceScopeMirrorTests
{
    [Fact]
    public void Resource_scope_names_and_values_agree_with_the_runtime()
    {
        var generator = Enum.GetValues<ResourceScope>().Select(v => (v.ToString(), (long)v)).ToArray();
        var runtime = Enum.GetValues<FactorialResourceScopes>().Select(v => (v.ToString(), (long)v)).ToArray();

        Assert.Equal(runtime, generator);
        Assert.Equal(28, generator.Length); // None + 27 scopes
        Assert.Equal((long)ResourceScopeNames.All, runtime.Aggregate(0L, (all, v) => all | v.Item2));
    }

    [Fact]
    public void Access_scope_names_and_values_agree_with_the_runtime()
    {
        var generator = Enum.GetValues<AccessScope>().Where(v => v != AccessScope.None).Select(v => (v.ToString(), (int)v)).ToArray();
        var runtime = Enum.GetValues<FactorialScope>().Select(v => (v.ToString(), (int)v)).ToArray();

        Assert.Equal(runtime, generator);
        Assert.Equal(0, (int)AccessScope.None);
        Assert.DoesNotContain(Enum.GetValues<FactorialScope>(), v => (int)v == 0);
    }

    [Fact]
    public void Oauth_names_of_the_table_agree_with_the_runtime()
    {
        foreach (var scope in Enum.GetValues<FactorialResourceScopes>())
        {
            Assert.Equal(scope.ToOAuthString(), ResourceScopeTable.OAuthName((ResourceScope)(long)scope));
            if (scope != FactorialResourceScopes.None)
            {
                Assert.True(FactorialScopes.TryParseResources(ResourceScopeTable.OAuthName((ResourceScope)(long)scope), out var parsed));
                Assert.Equal(scope, parsed);
                Assert.Equal((ResourceScope)(long)scope, ResourceScopeTable.FromOAuthName(scope.ToOAuthString()));
            }
        }

        var several = FactorialResourceScopes.Employees | FactorialResourceScopes.TimeTracking | FactorialResourceScopes.Recruitment;
        Assert.Equal(several.ToOAuthString(), ResourceScopeTable.OAuthName((ResourceScope)(long)several));
    }

    [Fact]
    public void Emitted_expressions_name_runtime_members()
    {
        foreach (var scope in Enum.GetValues<ResourceScope>())
        {
            var expression = FactorialGen.Generator.Emit.ScopeText.Expression(scope);
            var members = expression.Split(" | ").Select(e => e.Substring("__Res.".Length)); // the alias of FactorialResourceScopes
            Assert.Equal((long)scope, members.Select(m => (long)Enum.Parse<FactorialResourceScopes>(m)).Aggregate(0L, (a, b) => a | b));
        }
    }
}
