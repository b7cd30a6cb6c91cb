using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using FactorialGen.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FactorialGen.Generator.Analyzers;

internal sealed partial class ScopeFlowAnalysis
{
    private sealed partial class GraphRun
    {
        /// <summary>FG0001 at a generated operation call whose client's token lacks the scope the operation needs.</summary>
        private void ReportOperationCall(IInvocationOperation invocation, OperationInfo operation, ScopeValue instance)
        {
            if (!instance.Scopes.AllLack(operation.RequiredScope))
            {
                return;
            }

            var method = invocation.TargetMethod;
            var location = invocation.Syntax.GetLocation();
            _analysis.Report(Diagnostic.Create(
                Descriptors.FG0001_ScopeMissingForOperation,
                location,
                AdditionalLocations(instance),
                Properties(operation.RequiredScope, instance),
                $"{method.ContainingType.Name}.{method.Name}",
                ScopeDiagnosticContract.ScopeName(operation.RequiredScope),
                instance.Scopes.Describe(" or "),
                DescribeOrigins(instance, location)));
        }

        /// <summary>FG0002 at the credential argument of a client whose declared scope the token does not cover.</summary>
        private void ReportClientCreation(INamedTypeSymbol type, ClientInfo client, IArgumentOperation argument, ScopeValue value)
        {
            if (!value.Scopes.AllLack(client.DeclaredScope) || ScopeDiagnosticContract.ScopeName(client.DeclaredScope) is not { } declared)
            {
                return;
            }

            var location = argument.Value.Syntax.GetLocation();
            _analysis.Report(Diagnostic.Create(
                Descriptors.FG0002_TokenScopeDoesNotCoverClient,
                location,
                AdditionalLocations(value),
                Properties(client.DeclaredScope, value),
                type.Name,
                declared,
                value.Scopes.Describe(" or "),
                DescribeOrigins(value, location)));
        }

        private static IEnumerable<Location> AdditionalLocations(ScopeValue value) =>
            value.Origins.Where(o => o.Location.IsInSource).Select(o => o.Location);

        private static ImmutableDictionary<string, string?> Properties(int required, ScopeValue value) =>
            ImmutableDictionary<string, string?>.Empty
                .Add(ScopeDiagnosticContract.RequiredScopeProperty, ScopeDiagnosticContract.ScopeName(required))
                .Add(ScopeDiagnosticContract.KnownScopesProperty, value.Scopes.Describe(","));

        private static string DescribeOrigins(ScopeValue value, Location reportedAt) =>
            string.Join(" and ", value.Origins.Select(o => o.Describe(reportedAt)));
    }
}
