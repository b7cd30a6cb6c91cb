using System.Collections.Generic;
using System.Linq;
using FactorialGen.Generator.Model;
using FactorialGen.Generator.Parsing;

namespace FactorialGen.Generator.Emit;

/// <summary>
/// The <c>[FactorialOmittedOperation]</c> attributes that record what a client's declaration left out: the read/write
/// scope it would need, and — when its <c>Resources</c> left the member out — the resource scopes it would need too, or
/// (<c>RequiresUnknownOperations</c>) that only keeping the unknown operations brings it back.
/// </summary>
internal static class OmittedOperationAttributes
{
    /// <summary>The attribute recording <paramref name="memberName"/>, left out with the operations <paramref name="omitted"/>.</summary>
    public static string For(ClientSpec client, string memberName, IEnumerable<OperationSpec> omitted)
    {
        // When one of the operations is left out for its resource scope only, adding the resource scopes is enough to get
        // the member; otherwise the read/write scope widens too.
        var list = omitted as IReadOnlyCollection<OperationSpec> ?? omitted.ToList();
        var declared = client.Declaration.Scope;
        var withAccess = list.Where(o => ClientSelection.AllowsAccess(declared, o.RequiredScope)).ToList();
        var access = withAccess.Count > 0
            ? declared
            : list.Aggregate(declared, (scope, o) => scope | o.RequiredScope);

        // When every operation that scope would get is one OmitUnknownOperations leaves out, no resource scope brings the
        // member back: only keeping the unknown operations does.
        var unknownOnly = list.Count > 0 && (withAccess.Count > 0 ? withAccess : list).All(o => ClientSelection.OmitsAsUnknown(client.Declaration, o));
        return unknownOnly
            ? Line(memberName, access, ResourceScope.None, requiresUnknown: true)
            : Line(memberName, access, MissingResources(client, list));
    }

    /// <summary>The attribute recording <c>GetDaysOffAsync</c>, left out because one of the operations it reads is.</summary>
    public static string ForDaysOff(ClientSpec client, IEnumerable<OperationSpec> readOperations) =>
        Line("GetDaysOffAsync", client.Declaration.Scope | AccessScope.Read, MissingResources(client, readOperations));

    /// <summary>The resource scopes of <paramref name="operations"/> that the client's <c>Resources</c> leaves out.</summary>
    public static ResourceScope MissingResources(ClientSpec client, IEnumerable<OperationSpec> operations) =>
        operations
            .Where(o => !ClientSelection.AllowsResource(client.Declaration.Resources, o.ResourceScope))
            .Aggregate(ResourceScope.None, (scope, o) => scope | o.ResourceScope);

    private static string Line(string memberName, AccessScope access, ResourceScope resources, bool requiresUnknown = false) =>
        requiresUnknown
            ? $"[__F::FactorialOmittedOperation({CodeText.Literal(memberName)}, __Scope.{ClientEmitter.ScopeName(access)}, RequiresUnknownOperations = true)]"
            : resources == ResourceScope.None
            ? $"[__F::FactorialOmittedOperation({CodeText.Literal(memberName)}, __Scope.{ClientEmitter.ScopeName(access)})]"
            : $"[__F::FactorialOmittedOperation({CodeText.Literal(memberName)}, __Scope.{ClientEmitter.ScopeName(access)}, RequiredResource = {ScopeText.Expression(resources)})]";
}
