using System.Collections.Generic;
using System.Linq;
using System.Threading;
using FactorialGen.Generator.Diagnostics;
using FactorialGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FactorialGen.Generator.Parsing;

/// <summary>Reads a <c>[FactorialClient]</c> class into a <see cref="ClientTarget"/>, with FG1001–FG1003/FG1008/FG1014 problems and the FG1015 warning.</summary>
internal static class ClientTargetParser
{
    public static ClientTarget Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var symbol = (INamedTypeSymbol)context.TargetSymbol;
        var node = (TypeDeclarationSyntax)context.TargetNode;
        var attribute = context.Attributes[0];
        var diagnostics = new List<DiagnosticInfo>();
        var identifier = node.Identifier.GetLocation();

        var scope = attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is int value ? value : 0;
        if (scope is < 1 or > 3)
        {
            diagnostics.Add(DiagnosticInfo.Create(Descriptors.FG1008_InvalidScope, identifier, symbol.Name, scope.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        var resources = ClientResources.Read(attribute, symbol.Name, identifier, diagnostics, cancellationToken);

        var spec = attribute.NamedArguments.Where(a => a.Key == "Spec").Select(a => a.Value.Value as string).FirstOrDefault();
        var kind = symbol.IsRecord ? "a record" : symbol.IsStatic ? "static" : symbol.IsAbstract ? "abstract" : symbol.IsFileLocal ? "file-local" : null;
        if (kind is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(Descriptors.FG1009_UnsupportedClientKind, identifier, symbol.Name, kind));
        }
        else if (!symbol.DeclaringSyntaxReferences.Any(r => r.GetSyntax(cancellationToken) is TypeDeclarationSyntax c && c.Modifiers.Any(SyntaxKind.PartialKeyword)))
        {
            diagnostics.Add(DiagnosticInfo.Create(Descriptors.FG1001_ClientNotPartial, identifier, symbol.Name));
        }

        if (symbol.TypeParameters.Length > 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(Descriptors.FG1003_ClientIsGeneric, identifier, symbol.Name));
        }

        var containing = new List<string>();
        for (var outer = symbol.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            var partial = outer.DeclaringSyntaxReferences.Any(r => r.GetSyntax(cancellationToken) is TypeDeclarationSyntax t && t.Modifiers.Any(SyntaxKind.PartialKeyword));
            if (!partial)
            {
                diagnostics.Add(DiagnosticInfo.Create(Descriptors.FG1002_ContainingTypeNotPartial, identifier, symbol.Name, outer.Name));
            }

            var keyword = outer.IsRecord ? (outer.IsValueType ? "record struct" : "record") : outer.TypeKind switch
            {
                TypeKind.Struct => "struct",
                TypeKind.Interface => "interface",
                _ => "class",
            };
            var typeParameters = outer.TypeParameters.Length == 0 ? string.Empty : "<" + string.Join(", ", outer.TypeParameters.Select(p => p.Name)) + ">";
            containing.Insert(0, $"partial {keyword} {Identifier.Escape(outer.Name)}{typeParameters}");
        }

        var @namespace = symbol.ContainingNamespace.IsGlobalNamespace ? string.Empty : symbol.ContainingNamespace.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat.WithGlobalNamespaceStyle(SymbolDisplayGlobalNamespaceStyle.Omitted));
        var isValid = diagnostics.Count == 0;
        var omitUnknown = ClientResources.ReadOmitUnknown(attribute, resources, isValid, symbol.Name, identifier, diagnostics, cancellationToken);
        var declaration = new ClientDeclaration(@namespace, symbol.Name, containing.ToEquatableArray(), (AccessScope)scope, resources, omitUnknown);
        var attributeLocation = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation() ?? identifier;
        var userMembers = symbol.GetMembers()
            .Where(m => !m.IsImplicitlyDeclared && m.Locations.Any(l => l.IsInSource))
            .Select(m => new UserMember(m is IMethodSymbol { MethodKind: MethodKind.Constructor } ? ".ctor" : m.Name, DiagnosticInfo.Create(Descriptors.FG1010_MemberNameTaken, m.Locations.First(l => l.IsInSource))))
            .OrderBy(m => m.Name, System.StringComparer.Ordinal)
            .ToEquatableArray();
        return new ClientTarget(
            declaration,
            string.IsNullOrWhiteSpace(spec) ? null : spec,
            isValid,
            symbol.DeclaredAccessibility == Accessibility.Public,
            DiagnosticInfo.Create(Descriptors.FG1004_SpecNotFound, attributeLocation),
            diagnostics.ToEquatableArray(),
            userMembers);
    }
}
