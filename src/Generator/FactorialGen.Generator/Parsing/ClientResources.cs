using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using FactorialGen.Generator.Diagnostics;
using FactorialGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FactorialGen.Generator.Parsing;

/// <summary>
/// Reads <c>Resources = ...</c> of a <c>[FactorialClient]</c> attribute (a value with bits no resource scope has is FG1014)
/// and <c>OmitUnknownOperations = ...</c> (set without <c>Resources</c> it has no effect: FG1015).
/// </summary>
internal static class ClientResources
{
    public const string PropertyName = "Resources";

    public const string OmitUnknownPropertyName = "OmitUnknownOperations";

    /// <summary>
    /// Whether the client leaves out the operations no resource scope covers: <c>OmitUnknownOperations = true</c> with
    /// <paramref name="resources"/> set. Set on a valid declaration without <c>Resources</c>, it warns (FG1015) and is ignored.
    /// </summary>
    public static bool ReadOmitUnknown(AttributeData attribute, ResourceScope resources, bool isValid, string clientName, Location fallback, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        var set = attribute.NamedArguments.Any(a => a.Key == OmitUnknownPropertyName && a.Value.Value is true);
        if (!set || resources != ResourceScope.None)
        {
            return set;
        }

        if (isValid)
        {
            var syntax = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
            var at = syntax?.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == OmitUnknownPropertyName)?.GetLocation() ?? fallback;
            diagnostics.Add(DiagnosticInfo.Create(Descriptors.FG1015_OmitUnknownWithoutResources, at, clientName));
        }

        return false;
    }

    public static ResourceScope Read(AttributeData attribute, string clientName, Location fallback, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        var argument = attribute.NamedArguments.Where(a => a.Key == PropertyName).Select(a => a.Value).FirstOrDefault();
        if (argument.Kind != TypedConstantKind.Enum && argument.Kind != TypedConstantKind.Primitive)
        {
            return ResourceScope.None; // absent, or not a constant (the compiler reports that)
        }

        var value = argument.Value switch
        {
            long l => l,
            int i => i,
            _ => 0L,
        };
        if ((value & ~(long)ResourceScopeNames.All) == 0)
        {
            return (ResourceScope)value;
        }

        var syntax = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
        var at = syntax?.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == PropertyName)?.GetLocation() ?? fallback;
        diagnostics.Add(DiagnosticInfo.Create(Descriptors.FG1014_InvalidResources, at, clientName, value.ToString(CultureInfo.InvariantCulture)));
        return ResourceScope.None;
    }
}
