using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using FactorialGen.Generator.Diagnostics;
using FactorialGen.Generator.Model;
using FactorialGen.Generator.Parsing;
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
/// For a client whose document the project's FactorialSpec item limits, a resource scope outside the item's
/// <c>Resources</c> (or the item's own <c>OmitUnknownOperations</c>) is to change in the project file: the message says so,
/// and the fix that edits the attribute is not offered for it (adding it there would be FG1016).
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
            if (SpecSelection.IsUndecided(client.DeclaredOmitUnknown, client.Selection))
            {
                return; // the item's OmitUnknownOperations is neither true nor false (FG1018): nothing to say from a guess
            }

            ReportUnknown(context, known, client, required, $"{receiverType.Name}.{name}", access.Name.GetLocation());
            return;
        }

        // The attribute records the scope the client must be declared with (ReadWrite for a write operation on a Read
        // client); the operation itself needs what that adds to the declared scope (Write). A member left out for its
        // resource scope also records that (RequiredResource), which the client's resource scopes must include: its own
        // Resources, within the FactorialSpec item's selection of its document when the project has one.
        var widened = client.DeclaredScope | required;
        var added = required & ~client.DeclaredScope;
        var missingResource = client.Resources == 0 ? 0 : resource & ~client.Resources;
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
        var (itemAdd, clientAdd) = Split(client, resourceToAdd);
        var resourceText = ResourceSet.Describe(resourceToAdd, " | ", "FactorialResourceScopes.");
        var needs = (scopePart, resourceToAdd != 0) switch
        {
            (true, true) => $"FactorialScope.{needed} and {resourceText}",
            (false, true) => resourceText,
            _ => $"FactorialScope.{needed}",
        };
        var fix = new List<string>();
        if (scopePart)
        {
            fix.Add($"declare '{client.Client.Name}' with FactorialScope.{declare}");
        }

        if (itemAdd != 0)
        {
            fix.Add($"add {SpecSelection.Names((ResourceScope)itemAdd)} to the Resources of the FactorialSpec item of '{client.Selection!.FileName}' in the project file");
        }

        if (clientAdd != 0)
        {
            var clientText = ResourceSet.Describe(clientAdd, " | ", "FactorialResourceScopes.");
            fix.Add(scopePart ? $"add {clientText} to its Resources" : $"add {clientText} to the Resources of the declaration of '{client.Client.Name}'");
        }

        var properties = ImmutableDictionary<string, string?>.Empty;
        if (needed is not null)
        {
            properties = properties.Add(ScopeDiagnosticContract.RequiredScopeProperty, needed);
        }

        // The fix that edits the attribute is offered only when the attribute alone brings the member back: a resource
        // scope outside the item's selection would be FG1016 there until the project file changes.
        if (clientAdd != 0 && itemAdd == 0)
        {
            properties = properties.Add(ScopeDiagnosticContract.RequiredResourcesProperty, ResourceSet.Describe(clientAdd, ","));
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.FG0003_OperationOmittedByClientScope,
            access.Name.GetLocation(),
            ClientDeclaration(client.Client, known, withResources: clientAdd != 0),
            properties,
            $"{receiverType.Name}.{name}",
            needs,
            string.Join(" and ", fix)));
    }

    /// <summary>
    /// Where <paramref name="resources"/> must be added: to the FactorialSpec item's <c>Resources</c> (those outside its
    /// selection), and to the client's own <c>Resources</c> (those it lacks, when it has any). Without an item, all to
    /// the client's declaration. When neither lacks them (the generated code is older than the declaration), what the
    /// attribute records goes where the client's resource scopes come from.
    /// </summary>
    private static (long Item, long Client) Split(ClientInfo client, long resources)
    {
        if (client.Selection is not { } selection)
        {
            return (0, resources);
        }

        var item = resources & ~(long)selection.Resources;
        var own = client.DeclaredResources == 0 ? 0 : resources & ~client.DeclaredResources;
        return item == 0 && own == 0 && resources != 0
            ? (client.DeclaredResources == 0 ? resources : 0, client.DeclaredResources == 0 ? 0 : resources)
            : (item, own);
    }

    /// <summary>
    /// A member left out by <c>OmitUnknownOperations</c> (no resource scope covers it): no resource scope brings it back,
    /// only keeping the unknown operations — or a second client without <c>Resources</c> — does; the read/write scope
    /// widens too when the member needs it.
    /// </summary>
    private static void ReportUnknown(OperationAnalysisContext context, KnownSymbols known, ClientInfo info, int required, string member, Location at)
    {
        var client = info.Client;
        var declared = info.DeclaredScope;
        var added = required & ~declared;
        var needed = added != 0 ? ScopeDiagnosticContract.ScopeName(added) : null;
        var declare = ScopeDiagnosticContract.ScopeName(declared | required);
        var widen = needed is not null && declare is not null;

        // The FactorialSpec item's OmitUnknownOperations applies to every client of the document: only the project file brings them back.
        var item = info.Selection is { OmitUnknownOperations: true } selection ? selection.FileName : null;
        var leftOutBy = item is null ? "OmitUnknownOperations = true" : $"OmitUnknownOperations on the FactorialSpec item of '{item}'";
        var needs = widen
            ? $"FactorialScope.{needed} and the operations no resource scope covers, which {leftOutBy} leaves out"
            : $"the operations no resource scope covers, which {leftOutBy} leaves out";
        var fix = item is null
            ? widen
                ? $"declare '{client.Name}' with FactorialScope.{declare} and OmitUnknownOperations = false, or declare a client with FactorialScope.{declare} and without Resources for it"
                : $"set OmitUnknownOperations = false on '{client.Name}', or declare a client without Resources for it"
            : (widen ? $"declare '{client.Name}' with FactorialScope.{declare} and " : string.Empty) +
              (info.DeclaredOmitUnknown ? $"set OmitUnknownOperations = false on '{client.Name}' and " : string.Empty) +
              $"remove OmitUnknownOperations from the FactorialSpec item of '{item}' in the project file";
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
