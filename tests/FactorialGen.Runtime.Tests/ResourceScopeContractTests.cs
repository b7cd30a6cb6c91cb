using System;
using System.Linq;
using System.Text.RegularExpressions;

namespace FactorialGen.Tests;

/// <summary>
/// The resource-scope contract: every <see cref="FactorialResourceScopes"/> member has one OAuth name and round-trips
/// through it, unknown names are ignored, bits outside the 27 scopes are refused, and the authorization link sends them.
/// </summary>
public sealed class ResourceScopeContractTests
{
    private static readonly FactorialResourceScopes[] Members =
        Enum.GetValues<FactorialResourceScopes>().Where(v => v != FactorialResourceScopes.None).ToArray();

    [Fact]
    public void There_are_27_single_bit_members_in_Factorial_order()
    {
        Assert.Equal(27, Members.Length);
        Assert.All(Members, m => Assert.True(((long)m & ((long)m - 1)) == 0, $"{m} is one bit"));
        Assert.Equal(Enumerable.Range(0, 27).Select(bit => (FactorialResourceScopes)(1L << bit)), Members.OrderBy(m => (long)m));
        Assert.Equal(FactorialScopes.AllResources, Members.Aggregate(FactorialResourceScopes.None, (all, m) => all | m));
    }

    [Fact]
    public void Every_member_round_trips_through_its_snake_case_OAuth_name()
    {
        foreach (var member in Members)
        {
            var name = member.ToOAuthString();

            Assert.Equal(SnakeCase(member.ToString()), name);
            Assert.True(FactorialScopes.TryParseResources(name, out var parsed), name);
            Assert.Equal(member, parsed);
            Assert.True(FactorialScopes.TryParseResources(name.ToUpperInvariant(), out var upper), name);
            Assert.Equal(member, upper);
        }

        Assert.Equal(27, Members.Select(m => m.ToOAuthString()).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void A_set_round_trips_in_declaration_order_whatever_the_separators()
    {
        var set = FactorialResourceScopes.TimeTracking | FactorialResourceScopes.Employees | FactorialResourceScopes.Recruitment;

        Assert.Equal("employees time_tracking recruitment", set.ToOAuthString());
        Assert.True(FactorialScopes.TryParseResources("recruitment,time_tracking+employees", out var parsed));
        Assert.Equal(set, parsed);
        Assert.Equal(string.Empty, FactorialResourceScopes.None.ToOAuthString());
        Assert.Equal(string.Join(' ', Members.Select(m => m.ToOAuthString())), FactorialScopes.AllResources.ToOAuthString());
    }

    [Fact]
    public void Unknown_names_and_read_write_are_ignored_by_the_resource_parser()
    {
        Assert.True(FactorialScopes.TryParseResources("read write approvals employees it_management", out var parsed));
        Assert.Equal(FactorialResourceScopes.Employees, parsed);

        Assert.False(FactorialScopes.TryParseResources("read write approvals", out var none));
        Assert.Equal(FactorialResourceScopes.None, none);
        Assert.False(FactorialScopes.TryParseResources(null, out _));
        Assert.False(FactorialScopes.TryParseResources("   ", out _));

        // And the read/write parser ignores the resource names.
        Assert.Equal(FactorialScope.Read, FactorialScopes.Parse("read employees time_tracking"));
        Assert.False(FactorialScopes.TryParse("employees time_tracking", out _));
    }

    [Fact]
    public void Bits_outside_the_27_scopes_are_refused()
    {
        var stray = (FactorialResourceScopes)(1L << 27);

        Assert.Throws<ArgumentOutOfRangeException>(() => stray.ToOAuthString());
        Assert.Throws<ArgumentOutOfRangeException>(() => (FactorialResourceScopes.Employees | (FactorialResourceScopes)(1L << 62)).ToOAuthString());
        Assert.Throws<ArgumentOutOfRangeException>(() => new FactorialToken("a", null, FactorialScope.Read, DateTimeOffset.UnixEpoch, null) { ResourceScopes = stray });
        Assert.Throws<ArgumentOutOfRangeException>(() => FactorialToken.FromAccessToken("a", FactorialScope.Read, (FactorialResourceScopes)(-1L)));
    }

    [Fact]
    public void Covers_needs_every_required_scope()
    {
        var granted = FactorialResourceScopes.Employees | FactorialResourceScopes.TimeTracking;

        Assert.True(granted.Covers(FactorialResourceScopes.TimeTracking));
        Assert.True(granted.Covers(FactorialResourceScopes.None));
        Assert.False(granted.Covers(FactorialResourceScopes.TimeOff));
        Assert.False(granted.Covers(FactorialResourceScopes.TimeTracking | FactorialResourceScopes.TimeOff));
    }

    [Fact]
    public void Authorize_sends_read_write_and_the_resource_scopes_in_scope()
    {
        using var oauth = new FactorialOAuth(new FactorialApp("id", "cs-SECRET", FactorialApp.OutOfBandRedirectUri));

        var request = oauth.Authorize(FactorialScope.ReadWrite, FactorialResourceScopes.TimeTracking | FactorialResourceScopes.Employees);

        Assert.Equal("read write employees time_tracking", QueryValue(request.Url, "scope"));
        Assert.Equal(FactorialResourceScopes.Employees | FactorialResourceScopes.TimeTracking, request.Resources);
        Assert.Equal(FactorialScope.ReadWrite, request.Scope);
        Assert.Equal("read", QueryValue(oauth.Authorize(FactorialScope.Read).Url, "scope"));
        Assert.Equal(FactorialResourceScopes.None, oauth.Authorize(FactorialScope.Read).Resources);
    }

    [Fact]
    public void Tokens_carry_resource_scopes_and_print_their_names_never_the_secrets()
    {
        var token = FactorialToken.FromAccessToken("at-SECRET-1", FactorialScope.ReadWrite, FactorialResourceScopes.Employees | FactorialResourceScopes.TimeOff);

        Assert.Equal(FactorialResourceScopes.Employees | FactorialResourceScopes.TimeOff, token.ResourceScopes);
        Assert.Contains("ResourceScopes = employees time_off", token.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET", token.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("ResourceScopes", FactorialToken.FromAccessToken("a", FactorialScope.Read).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Attributes_and_requests_hold_the_resource_scope_as_data()
    {
        Assert.Equal(FactorialResourceScopes.TimeTracking, new FactorialClientAttribute(FactorialScope.ReadWrite) { Resources = FactorialResourceScopes.TimeTracking }.Resources);
        Assert.Equal(FactorialResourceScopes.Employees, new FactorialOperationAttribute("GET", "/x") { RequiredResource = FactorialResourceScopes.Employees }.RequiredResource);
        var positional = new FactorialOperationAttribute("POST", "/y", FactorialScope.Write, FactorialResourceScopes.TimeOff);
        Assert.Equal(("POST", "/y", FactorialScope.Write, FactorialResourceScopes.TimeOff), (positional.Method, positional.Path, positional.RequiredScope, positional.RequiredResource));
        Assert.Equal(FactorialResourceScopes.None, new FactorialOperationAttribute("GET", "/z", FactorialScope.Read).RequiredResource);
        Assert.Equal(FactorialResourceScopes.TimeOff, new FactorialOmittedOperationAttribute("M", FactorialScope.Write) { RequiredResource = FactorialResourceScopes.TimeOff }.RequiredResource);
        Assert.Equal(FactorialResourceScopes.Payroll, new FactorialTokenScopeAttribute(FactorialScope.Read) { Resources = FactorialResourceScopes.Payroll }.Resources);
        Assert.Equal(FactorialResourceScopes.None, new FactorialRequest(System.Net.Http.HttpMethod.Get, "x").RequiredResource);
    }

    private static string SnakeCase(string pascal) =>
        Regex.Replace(pascal, "(?<!^)([A-Z])", "_$1", RegexOptions.None, TimeSpan.FromSeconds(1)).ToLowerInvariant();

    private static string? QueryValue(Uri url, string name) =>
        url.Query.TrimStart('?').Split('&')
            .Select(pair => pair.Split('=', 2))
            .Where(pair => pair[0] == name)
            .Select(pair => Uri.UnescapeDataString(pair[1]))
            .SingleOrDefault();
}
