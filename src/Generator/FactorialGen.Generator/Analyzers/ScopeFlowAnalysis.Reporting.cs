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
        /// <summary>
        /// FG0001 at a generated operation call whose client's token lacks the scope the operation needs; FG0004 when it
        /// lacks the operation's resource scope.
        /// </summary>
        private void ReportOperationCall(IInvocationOperation invocation, OperationInfo operation, ScopeValue instance)
        {
            var method = invocation.TargetMethod;
            var location = invocation.Syntax.GetLocation();
            if (instance.MissingResources(operation.RequiredResource) is var missing and not 0)
            {
                _analysis.Report(Diagnostic.Create(
                    Descriptors.FG0004_ResourceScopeMissingForOperation,
                    location,
                    ResourceLocations(instance),
                    ResourceProperties(missing, instance),
                    $"{method.ContainingType.Name}.{method.Name}",
                    ResourceSet.Describe(operation.RequiredResource, " | ", "FactorialResourceScopes."),
                    ResourceSet.Describe(instance.Resources!.Value, " | ", "FactorialResourceScopes."),
                    DescribeResourceOrigins(instance, location)));
            }

            if (!instance.Scopes.AllLack(operation.RequiredScope))
            {
                return;
            }

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

        /// <summary>
        /// FG0002 at the credential argument of a client whose declared scope the token does not cover; FG0005 when the
        /// token lacks some of the client's resource scopes (declared, or given by the FactorialSpec item's selection).
        /// </summary>
        private void ReportClientCreation(INamedTypeSymbol type, ClientInfo client, IArgumentOperation argument, ScopeValue value)
        {
            // The client's resource scopes as generated: its own Resources, or the FactorialSpec item's selection of its document.
            if (value.MissingResources(client.Resources) is var missing and not 0)
            {
                var at = argument.Value.Syntax.GetLocation();
                _analysis.Report(Diagnostic.Create(
                    Descriptors.FG0005_TokenResourcesDoNotCoverClient,
                    at,
                    ResourceLocations(value),
                    ResourceProperties(missing, value),
                    type.Name,
                    client.DescribeResources(),
                    ResourceSet.Describe(missing, " | ", "FactorialResourceScopes."),
                    ResourceSet.Describe(value.Resources!.Value, " | ", "FactorialResourceScopes."),
                    DescribeResourceOrigins(value, at)));
            }

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

        private static IEnumerable<Location> ResourceLocations(ScopeValue value) =>
            value.ResourceOrigins.Where(o => o.Location.IsInSource).Select(o => o.Location);

        private static ImmutableDictionary<string, string?> ResourceProperties(long missing, ScopeValue value) =>
            ImmutableDictionary<string, string?>.Empty
                .Add(ScopeDiagnosticContract.RequiredResourcesProperty, ResourceSet.Describe(missing, ","))
                .Add(ScopeDiagnosticContract.KnownResourcesProperty, ResourceSet.Describe(value.Resources ?? 0, ","));

        private static string DescribeResourceOrigins(ScopeValue value, Location reportedAt) =>
            string.Join(" and ", value.ResourceOrigins.Select(o => o.Describe(reportedAt)));
    }
}
