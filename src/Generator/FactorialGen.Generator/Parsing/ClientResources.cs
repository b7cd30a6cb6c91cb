using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using FactorialGen.Generator.Diagnostics;
using FactorialGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FactorialGen.Generator.Parsing;

/// <summary>Reads <c>Resources = ...</c> of a <c>[FactorialClient]</c> attribute; a value with bits no resource scope has is FG1014.</summary>
internal static class ClientResources
{
    public const string PropertyName = "Resources";

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
