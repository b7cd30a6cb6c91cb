using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FactorialGen.Generator.Analyzers;

internal sealed partial class ScopeFlowAnalysis
{
    private sealed partial class GraphRun
    {
        private ScopeValue? EvaluateCreation(IObjectCreationOperation creation, FlowState state)
        {
            var arguments = EvaluateArguments(creation.Arguments, state);
            Evaluate(creation.Initializer, state);
            if (creation.Type is not INamedTypeSymbol type || creation.Constructor is not { } constructor)
            {
                return null;
            }

            if (KnownSymbols.Is(type, _known.Token))
            {
                return ConstantScope(creation, creation.Arguments, "new FactorialToken");
            }

            if (KnownSymbols.Is(type, _known.TokenSource))
            {
                return ArgumentOfType(creation.Arguments, arguments, _known.Token);
            }

            if (KnownSymbols.Is(type, _known.Connection))
            {
                return Credential(creation.Arguments, arguments);
            }

            if (_known.GetClient(type) is not { IsRoot: true } client || !IsGeneratedConstructorShape(constructor))
            {
                return null;
            }

            var value = Credential(creation.Arguments, arguments);
            if (_reporting && value is not null && CredentialArgument(creation.Arguments) is { } argument)
            {
                ReportClientCreation(type, client, argument, value);
            }

            return value;
        }

        private ScopeValue? EvaluateProperty(IPropertyReferenceOperation reference, FlowState state)
        {
            var instance = Evaluate(reference.Instance, state);
            EvaluateArguments(reference.Arguments, state);
            return PropertyValue(reference.Property, instance, reference.Instance is not null);
        }

        private ScopeValue? PropertyValue(IPropertySymbol property, ScopeValue? instance, bool hasInstance)
        {
            if (_known.GetDeclaredScope(property) is { } declared)
            {
                return declared;
            }

            if (property.Name == "Result" && _known.IsTokenTask(property.ContainingType))
            {
                return instance;
            }

            if (property.Name == "Current" && hasInstance &&
                (KnownSymbols.Is(property.ContainingType, _known.TokenSource) || property.ContainingType.Name.StartsWith("IEnumerator", StringComparison.Ordinal) ||
                 property.ContainingType.Name == "Enumerator"))
            {
                return instance; // a token source's current token; an enumerator's element (an array of one known scope)
            }

            // A generated client's get-only group properties (hr.Employees.Employees: groups nested in the same client)
            // and its Connection share the client's token.
            if (!hasInstance || property.SetMethod is not null || _known.GetClient(property.ContainingType) is not { } owner)
            {
                return null;
            }

            if (owner.IsRoot && property.Name == "Connection" && KnownSymbols.Is(property.Type, _known.Connection))
            {
                return instance;
            }

            return property.Type is INamedTypeSymbol propertyType && _known.GetClient(propertyType) is { IsRoot: false } group &&
                SymbolEqualityComparer.Default.Equals(group.Client, owner.Client)
                ? instance
                : null;
        }

        private ScopeValue?[] EvaluateArguments(ImmutableArray<IArgumentOperation> arguments, FlowState state)
        {
            var values = new ScopeValue?[arguments.Length];
            for (var i = 0; i < arguments.Length; i++)
            {
                values[i] = Evaluate(arguments[i].Value, state);
            }

            return values;
        }

        /// <summary>The token credential of a connection or client constructor: a token, connection or token source keeps its scope; an API key covers ReadWrite.</summary>
        private ScopeValue? Credential(ImmutableArray<IArgumentOperation> arguments, ScopeValue?[] values)
        {
            for (var i = 0; i < arguments.Length; i++)
            {
                var parameterType = arguments[i].Parameter?.Type;
                if (KnownSymbols.Is(parameterType, _known.ApiKey))
                {
                    return ScopeValue.From(new Origin(OriginKind.ApiKey, 3, arguments[i].Value.Syntax.GetLocation(), "FactorialApiKey"));
                }

                if (KnownSymbols.Is(parameterType, _known.Token) || KnownSymbols.Is(parameterType, _known.Connection) ||
                    KnownSymbols.Is(parameterType, _known.TokenSource))
                {
                    return values[i];
                }
            }

            return null;
        }

        private IArgumentOperation? CredentialArgument(ImmutableArray<IArgumentOperation> arguments) =>
            arguments.FirstOrDefault(a => a.ArgumentKind == ArgumentKind.Explicit &&
                (KnownSymbols.Is(a.Parameter?.Type, _known.Token) || KnownSymbols.Is(a.Parameter?.Type, _known.Connection)));

        /// <summary>
        /// Whether a client constructor has the generated shape: one credential (token, API key, HttpClient or
        /// connection) plus optional token store and options. A hand-written constructor with other parameters may
        /// ignore its token, so it is not trusted.
        /// </summary>
        private bool IsGeneratedConstructorShape(IMethodSymbol constructor)
        {
            var credentials = 0;
            foreach (var parameter in constructor.Parameters)
            {
                var type = parameter.Type;
                if (KnownSymbols.Is(type, _known.Token) || KnownSymbols.Is(type, _known.Connection) ||
                    KnownSymbols.Is(type, _known.ApiKey) || KnownSymbols.Is(type, _known.HttpClient))
                {
                    credentials++;
                }
                else if (!KnownSymbols.Is(type, _known.TokenStore) && !KnownSymbols.Is(type, _known.ClientOptions))
                {
                    return false;
                }
            }

            return credentials == 1;
        }

        private static ScopeValue? ArgumentOfType(ImmutableArray<IArgumentOperation> arguments, ScopeValue?[] values, INamedTypeSymbol? type)
        {
            for (var i = 0; i < arguments.Length; i++)
            {
                if (KnownSymbols.Is(arguments[i].Parameter?.Type, type))
                {
                    return values[i];
                }
            }

            return null;
        }
    }
}
