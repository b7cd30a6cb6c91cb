using System.Collections.Immutable;
using System.Linq;
using FactorialGen.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace FactorialGen.Generator.Analyzers;

/// <summary>
/// FG0003: a member the client's declared scope left out of the generated code (recorded by the generator as
/// <c>[FactorialOmittedOperation("TerminateAsync", FactorialScope.Write)]</c> on the group type) is used — a direct
/// call, a call through a variable holding the resource, a method group or a property. The compiler reports CS1061
/// there; FG0003 on the same span says which scope the member needs and how to declare the client. A member the client's
/// <c>Resources</c> left out (<c>[FactorialOmittedOperation(..., RequiredResource = FactorialResourceScopes.TimeOff)]</c>)
/// gets "add FactorialResourceScopes.TimeOff to the Resources of the declaration"; one <c>OmitUnknownOperations</c> left out
/// (<c>RequiresUnknownOperations = true</c>) gets "set OmitUnknownOperations = false ..., or declare a client without Resources".
/// </summary>
internal static class OmittedOperationAnalysis
{
    public static void Analyze(OperationAnalysisContext context, KnownSymbols known, INamedTypeSymbol omittedAttribute)
    {
        var operation = context.Operation;
        if (MemberName(operation.Syntax) is not { } access || !IsOutermost(operation, access.Node) ||
            operation.SemanticModel is not { } model ||
            model.GetTypeInfo(access.Receiver, context.CancellationToken).Type is not INamedTypeSymbol receiverType)
        {
            return;
        }

        var name = access.Name.Identifier.ValueText;
        var recorded = receiverType.GetAttributes()
            .FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, omittedAttribute) && a.ConstructorArguments.Length == 2 &&
                                 a.ConstructorArguments[0].Value as string == name);
        var required = recorded?.ConstructorArguments[1].Value is int scope ? scope : 0;
        var resource = recorded is null ? 0 : KnownSymbols.NamedResources(recorded, "RequiredResource");
        if (recorded is null || (required == 0 && resource == 0) || known.GetClient(receiverType) is not { } client)
        {
            return;
        }

        if (recorded.NamedArguments.Any(a => a.Key == "RequiresUnknownOperations" && a.Value.Value is true))
        {
            ReportUnknown(context, known, client.Client, client.DeclaredScope, required, $"{receiverType.Name}.{name}", access.Name.GetLocation());
            return;
        }

        // The attribute records the scope the client must be declared with (ReadWrite for a write operation on a Read
        // client); the operation itself needs what that adds to the declared scope (Write). A member left out for its
        // resource scope also records that (RequiredResource), which the declaration's Resources must include.
        var widened = client.DeclaredScope | required;
        var added = required & ~client.DeclaredScope;
        var missingResource = client.DeclaredResources == 0 ? 0 : resource & ~client.DeclaredResources;
        var needed = ScopeDiagnosticContract.ScopeName(added != 0 ? added : required);
        var declare = ScopeDiagnosticContract.ScopeName(widened);
        var scopeKnown = needed is not null && declare is not null;
        if (!scopeKnown && resource == 0)
        {
            return;
        }

        // What to say: the scope to add, the resource scope to add, or both; when neither is missing any more (the
        // declaration already changed, the generated code not yet), what the attribute records.
        var resourceToAdd = missingResource != 0 ? missingResource : added == 0 || !scopeKnown ? resource : 0;
        var scopePart = scopeKnown && (added != 0 || resourceToAdd == 0);
        var resourceText = ResourceSet.Describe(resourceToAdd, " | ", "FactorialResourceScopes.");
        var needs = (scopePart, resourceToAdd != 0) switch
        {
            (true, true) => $"FactorialScope.{needed} and {resourceText}",
            (false, true) => resourceText,
            _ => $"FactorialScope.{needed}",
        };
        var fix = (scopePart, resourceToAdd != 0) switch
        {
            (true, true) => $"declare '{client.Client.Name}' with FactorialScope.{declare} and add {resourceText} to its Resources",
            (false, true) => $"add {resourceText} to the Resources of the declaration of '{client.Client.Name}'",
            _ => $"declare '{client.Client.Name}' with FactorialScope.{declare}",
        };

        var properties = ImmutableDictionary<string, string?>.Empty;
        if (needed is not null)
        {
            properties = properties.Add(ScopeDiagnosticContract.RequiredScopeProperty, needed);
        }

        if (resourceToAdd != 0)
        {
            properties = properties.Add(ScopeDiagnosticContract.RequiredResourcesProperty, ResourceSet.Describe(resourceToAdd, ","));
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.FG0003_OperationOmittedByClientScope,
            access.Name.GetLocation(),
            ClientDeclaration(client.Client, known, withResources: resourceToAdd != 0),
            properties,
            $"{receiverType.Name}.{name}",
            needs,
            fix));
    }

    /// <summary>
    /// A member left out by <c>OmitUnknownOperations</c> (no resource scope covers it): no resource scope brings it back,
    /// only keeping the unknown operations — or a second client without <c>Resources</c> — does; the read/write scope
    /// widens too when the member needs it.
    /// </summary>
    private static void ReportUnknown(OperationAnalysisContext context, KnownSymbols known, INamedTypeSymbol client, int declared, int required, string member, Location at)
    {
        var added = required & ~declared;
        var needed = added != 0 ? ScopeDiagnosticContract.ScopeName(added) : null;
        var declare = ScopeDiagnosticContract.ScopeName(declared | required);
        var widen = needed is not null && declare is not null;
        var needs = widen
            ? $"FactorialScope.{needed} and the operations no resource scope covers, which OmitUnknownOperations = true leaves out"
            : "the operations no resource scope covers, which OmitUnknownOperations = true leaves out";
        var fix = widen
            ? $"declare '{client.Name}' with FactorialScope.{declare} and OmitUnknownOperations = false, or declare a client with FactorialScope.{declare} and without Resources for it"
            : $"set OmitUnknownOperations = false on '{client.Name}', or declare a client without Resources for it";
        var properties = widen
            ? ImmutableDictionary<string, string?>.Empty.Add(ScopeDiagnosticContract.RequiredScopeProperty, needed)
            : ImmutableDictionary<string, string?>.Empty;
        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.FG0003_OperationOmittedByClientScope, at, ClientDeclaration(client, known, withResources: false), properties, member, needs, fix));
    }

    /// <summary>The member name and receiver of <c>receiver.Name</c>, <c>receiver.Name(...)</c> or <c>receiver?.Name</c>.</summary>
    private static (SyntaxNode Node, SimpleNameSyntax Name, ExpressionSyntax Receiver)? MemberName(SyntaxNode syntax)
    {
        if (syntax is InvocationExpressionSyntax invocation)
        {
            syntax = invocation.Expression;
        }

        return syntax switch
        {
            MemberAccessExpressionSyntax access => (access, access.Name, access.Expression),
            MemberBindingExpressionSyntax binding when binding.FirstAncestorOrSelf<ConditionalAccessExpressionSyntax>() is { } conditional =>
                (binding, binding.Name, conditional.Expression),
            _ => null,
        };
    }

    /// <summary>The invalid invocation and the invalid member access inside it both name the member: report once, on the outermost.</summary>
    private static bool IsOutermost(IOperation operation, SyntaxNode member)
    {
        for (var parent = operation.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is IInvalidOperation && (parent.Syntax == member ||
                (parent.Syntax is InvocationExpressionSyntax invocation && invocation.Expression == member)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The <c>[FactorialClient(...)]</c> argument that declares the client's scope, when it is in source, and (for a
    /// member left out for its resource scope) the expression of its <c>Resources = ...</c>.
    /// </summary>
    private static Location[] ClientDeclaration(INamedTypeSymbol client, KnownSymbols known, bool withResources)
    {
        foreach (var attribute in client.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, known.ClientAttribute) &&
                attribute.ApplicationSyntaxReference?.GetSyntax() is AttributeSyntax { ArgumentList.Arguments: [var argument, ..] arguments })
            {
                return withResources && KnownSymbols.NamedArgument(arguments, "Resources") is { } resources
                    ? new[] { argument.Expression.GetLocation(), resources.Expression.GetLocation() }
                    : new[] { argument.Expression.GetLocation() };
            }
        }

        return System.Array.Empty<Location>();
    }
}
