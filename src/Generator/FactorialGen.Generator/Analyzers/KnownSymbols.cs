using System.Collections.Concurrent;
using System.Collections.Immutable;
using FactorialGen.Generator.Model;
using FactorialGen.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace FactorialGen.Generator.Analyzers;

/// <summary>
/// The runtime types the scope analyzer reads, resolved once per compilation, plus per-compilation caches of what
/// it learns about symbols (operation scopes, client types, declared token scopes). Thread-safe.
/// </summary>
internal sealed partial class KnownSymbols
{
    private readonly ConcurrentDictionary<IMethodSymbol, OperationInfo?> _operations = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<INamedTypeSymbol, ClientInfo?> _clients = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ISymbol, ScopeValue?> _declaredScopes = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IMethodSymbol, ScopeValue?> _declaredReturnScopes = new(SymbolEqualityComparer.Default);

    private KnownSymbols(INamedTypeSymbol clientAttribute, INamedTypeSymbol operationAttribute, Compilation compilation, ImmutableArray<DocumentSelection> selections)
    {
        Compilation = compilation;
        Selections = selections;
        ClientAttribute = clientAttribute;
        OperationAttribute = operationAttribute;
        TokenScopeAttribute = compilation.GetTypeByMetadataName(KnownNames.FactorialTokenScopeAttribute);
        Scope = compilation.GetTypeByMetadataName(KnownNames.FactorialScope);
        ResourceScopes = compilation.GetTypeByMetadataName(ScopeDiagnosticContract.ResourceScopesTypeName);
        Token = compilation.GetTypeByMetadataName(KnownNames.FactorialToken);
        OAuth = compilation.GetTypeByMetadataName(KnownNames.FactorialOAuth);
        AuthorizationRequest = compilation.GetTypeByMetadataName(KnownNames.FactorialAuthorizationRequest);
        TokenSource = compilation.GetTypeByMetadataName(KnownNames.FactorialTokenSource);
        Connection = compilation.GetTypeByMetadataName(KnownNames.FactorialConnection);
        ApiKey = compilation.GetTypeByMetadataName(KnownNames.FactorialApiKey);
        ConsoleAuthorization = compilation.GetTypeByMetadataName(KnownNames.FactorialConsoleAuthorization);
        TokenStore = compilation.GetTypeByMetadataName(KnownNames.ITokenStore);
        ClientOptions = compilation.GetTypeByMetadataName(KnownNames.FactorialClientOptions);
        HttpClient = compilation.GetTypeByMetadataName(KnownNames.HttpClient);
        TaskOfT = compilation.GetTypeByMetadataName(KnownNames.TaskOfT);
        ValueTaskOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask`1");
    }

    public Compilation Compilation { get; }

    /// <summary>The project's selections of its documents that limit them (FactorialSpec item metadata), read once per compilation.</summary>
    public ImmutableArray<DocumentSelection> Selections { get; }

    public INamedTypeSymbol? ValueTaskOfT { get; }

    public INamedTypeSymbol ClientAttribute { get; }

    public INamedTypeSymbol OperationAttribute { get; }

    public INamedTypeSymbol? TokenScopeAttribute { get; }

    public INamedTypeSymbol? Scope { get; }

    public INamedTypeSymbol? ResourceScopes { get; }

    public INamedTypeSymbol? Token { get; }

    public INamedTypeSymbol? OAuth { get; }

    public INamedTypeSymbol? AuthorizationRequest { get; }

    public INamedTypeSymbol? TokenSource { get; }

    public INamedTypeSymbol? Connection { get; }

    public INamedTypeSymbol? ApiKey { get; }

    public INamedTypeSymbol? ConsoleAuthorization { get; }

    public INamedTypeSymbol? TokenStore { get; }

    public INamedTypeSymbol? ClientOptions { get; }

    public INamedTypeSymbol? HttpClient { get; }

    public INamedTypeSymbol? TaskOfT { get; }

    /// <summary>
    /// Resolves the runtime's types, or returns <see langword="null"/> when the compilation does not reference the
    /// runtime (no <c>FactorialClientAttribute</c> or <c>FactorialOperationAttribute</c>): then nothing is analyzed.
    /// With <paramref name="options"/>, the project's selections of its documents are read from them
    /// (<see cref="SpecSelection.ReadLimited"/>), once, and only when the runtime is referenced.
    /// </summary>
    public static KnownSymbols? Create(Compilation compilation, AnalyzerOptions? options = null)
    {
        var client = compilation.GetTypeByMetadataName(KnownNames.FactorialClientAttribute);
        var operation = compilation.GetTypeByMetadataName(KnownNames.FactorialOperationAttribute);
        if (client is null || operation is null)
        {
            return null;
        }

        var selections = options is null
            ? ImmutableArray<DocumentSelection>.Empty
            : SpecSelection.ReadLimited(options.AdditionalFiles, options.AnalyzerConfigOptionsProvider);
        return new KnownSymbols(client, operation, compilation, selections);
    }

    /// <summary>Whether the operation may lead to a report, so a method without any is never analyzed.</summary>
    public bool IsCandidate(IOperation operation) => operation switch
    {
        IInvocationOperation invocation => GetOperation(invocation.TargetMethod) is not null,
        IObjectCreationOperation { Type: INamedTypeSymbol type } => GetClient(type) is { IsRoot: true },
        _ => false,
    };

    /// <summary>
    /// Whether the operation can make a scope known below Read|Write: a constant scope passed to a token or an
    /// authorization, or a declared <c>[FactorialTokenScope]</c>. (An API key is ReadWrite and never lacks a scope.)
    /// </summary>
    public bool IsScopeSource(IOperation operation) => operation switch
    {
        IInvocationOperation { TargetMethod: var method } =>
            (method.Name is "FromAccessToken" or "Authorize" or "AuthorizeFromConsoleAsync" &&
             (KnownSymbols.Is(method.ContainingType, Token) || KnownSymbols.Is(method.ContainingType, OAuth) ||
              KnownSymbols.Is(method.ContainingType, ConsoleAuthorization))) ||
            GetDeclaredReturnScope(method) is not null || HasDeclaredOutParameter(method),
        IObjectCreationOperation { Type: var type } => Is(type, Token),
        IParameterReferenceOperation { Parameter: var parameter } => GetDeclaredScope(parameter) is not null,
        IFieldReferenceOperation { Field: var field } => GetDeclaredScope(field) is not null || (field.IsReadOnly && (IsCarrier(field.Type) || IsScope(field.Type) || IsResources(field.Type))),
        IPropertyReferenceOperation { Property: var property } => GetDeclaredScope(property) is not null,
        _ => false,
    };

    private bool HasDeclaredOutParameter(IMethodSymbol method)
    {
        foreach (var parameter in method.Parameters)
        {
            if (parameter.RefKind == RefKind.Out && GetDeclaredScope(parameter) is not null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The operation a generated client method calls (its <c>[FactorialOperation]</c>), or <see langword="null"/>.</summary>
    public OperationInfo? GetOperation(IMethodSymbol method) => _operations.GetOrAdd(method.OriginalDefinition, m =>
    {
        foreach (var attribute in m.GetAttributes())
        {
            if (!SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, OperationAttribute))
            {
                continue;
            }

            var required = 1; // FactorialOperationAttribute.RequiredScope defaults to Read.
            var resource = 0L; // RequiredResource defaults to None: unknown, never checked.
            // The generated form passes both to the constructor (method, path, requiredScope, requiredResource); clients
            // generated by earlier versions, and hand-written ones, may name them instead.
            var parameters = attribute.AttributeConstructor?.Parameters ?? ImmutableArray<IParameterSymbol>.Empty;
            for (var i = 0; i < parameters.Length && i < attribute.ConstructorArguments.Length; i++)
            {
                var value = attribute.ConstructorArguments[i].Value;
                if (parameters[i].Name == "requiredScope" && value is int scope)
                {
                    required = scope;
                }
                else if (parameters[i].Name == "requiredResource" && value is long mask && ResourceSet.IsValid(mask))
                {
                    resource = mask;
                }
            }

            foreach (var named in attribute.NamedArguments)
            {
                if (named.Key == "RequiredScope" && named.Value.Value is int value)
                {
                    required = value;
                }
                else if (named.Key == "RequiredResource" && named.Value.Value is long mask && ResourceSet.IsValid(mask))
                {
                    resource = mask;
                }
            }

            return required is >= 1 and <= 3 ? new OperationInfo(required, resource) : null;
        }

        return null;
    });

    /// <summary>
    /// For a client type (with <c>[FactorialClient]</c>) or a type nested in one (a generated group type): the client
    /// it belongs to. <see langword="null"/> for any other type.
    /// </summary>
    public ClientInfo? GetClient(INamedTypeSymbol type) => _clients.GetOrAdd(type.OriginalDefinition, t =>
    {
        ClientInfo? found = null;
        for (var current = t; current is not null; current = current.ContainingType)
        {
            foreach (var attribute in current.GetAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, ClientAttribute) &&
                    attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is int scope)
                {
                    // The outermost client wins, as the generator nests groups inside the client it declares.
                    found = new ClientInfo(current, scope, NamedResources(attribute, "Resources"), NamedFlag(attribute, "OmitUnknownOperations"),
                        SelectionOf(current, attribute), isRoot: SymbolEqualityComparer.Default.Equals(current, t));
                }
            }
        }

        return found;
    });

    /// <summary>The scope declared with <c>[FactorialTokenScope]</c> on a parameter, field or property.</summary>
    public ScopeValue? GetDeclaredScope(ISymbol symbol)
    {
        if (TokenScopeAttribute is null)
        {
            return null;
        }

        return _declaredScopes.GetOrAdd(symbol.OriginalDefinition, s =>
            FromTokenScopeAttribute(s.GetAttributes(), Describe(s)) ?? InheritedScope(s) ?? PositionalCounterpartScope(s));
    }

    /// <summary>The scope declared with <c>[return: FactorialTokenScope]</c> on a method.</summary>
    public ScopeValue? GetDeclaredReturnScope(IMethodSymbol method)
    {
        if (TokenScopeAttribute is null)
        {
            return null;
        }

        return _declaredReturnScopes.GetOrAdd(method.OriginalDefinition, m =>
            FromTokenScopeAttribute(m.GetReturnTypeAttributes(), $"the return value of '{m.ContainingType?.Name}.{m.Name}'") ??
            (IsCarrier(m.ReturnType) ? InheritedFrom(m, GetDeclaredReturnScope) : null));
    }

    public bool IsScope(ITypeSymbol? type) => Scope is not null && SymbolEqualityComparer.Default.Equals(type, Scope);

    /// <summary>Whether <paramref name="type"/> is <c>FactorialResourceScopes</c>.</summary>
    public bool IsResources(ITypeSymbol? type) => ResourceScopes is not null && SymbolEqualityComparer.Default.Equals(type, ResourceScopes);

    public static bool Is(ITypeSymbol? type, INamedTypeSymbol? known) =>
        known is not null && type is not null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, known);

    /// <summary>Whether <paramref name="type"/> is <c>Task&lt;FactorialToken&gt;</c> or <c>ValueTask&lt;FactorialToken&gt;</c>.</summary>
    public bool IsTokenTask(ITypeSymbol? type) =>
        type is INamedTypeSymbol { IsGenericType: true } named && (Is(named, TaskOfT) || Is(named, ValueTaskOfT)) &&
        named.TypeArguments.Length == 1 && Is(named.TypeArguments[0], Token);

    internal ScopeValue? FromTokenScopeAttribute(ImmutableArray<AttributeData> attributes, string subject)
    {
        foreach (var attribute in attributes)
        {
            if (!SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, TokenScopeAttribute) ||
                attribute.ConstructorArguments.Length != 1 || attribute.ConstructorArguments[0].Value is not int scope)
            {
                continue;
            }

            var location = Location.None;
            var resourcesLocation = Location.None;
            if (attribute.ApplicationSyntaxReference?.GetSyntax() is AttributeSyntax { ArgumentList.Arguments: [var argument, ..] arguments })
            {
                location = argument.Expression.GetLocation();
                resourcesLocation = NamedArgument(arguments, "Resources")?.Expression.GetLocation() ?? Location.None;
            }

            var resources = NamedResources(attribute, "Resources");
            return ScopeValue.From(
                ScopeValue.From(new Origin(OriginKind.DeclaredScope, scope, location, subject)),
                resources == 0 ? null : Origin.ForResources(OriginKind.DeclaredScope, resources, resourcesLocation, subject));
        }

        return null;
    }

    /// <summary>A <c>FactorialResourceScopes</c> named argument of an attribute (<c>Resources = ...</c>), or 0.</summary>
    internal static long NamedResources(AttributeData attribute, string name)
    {
        foreach (var named in attribute.NamedArguments)
        {
            if (named.Key == name && named.Value.Value is long mask && ResourceSet.IsValid(mask))
            {
                return mask;
            }
        }

        return 0;
    }

    /// <summary>The syntax of a named attribute argument (<c>Resources = ...</c>), or <see langword="null"/>.</summary>
    internal static AttributeArgumentSyntax? NamedArgument(SeparatedSyntaxList<AttributeArgumentSyntax> arguments, string name)
    {
        foreach (var argument in arguments)
        {
            if (argument.NameEquals?.Name.Identifier.ValueText == name)
            {
                return argument;
            }
        }

        return null;
    }

    private static string Describe(ISymbol symbol) => symbol switch
    {
        IParameterSymbol => $"parameter '{symbol.Name}'",
        IFieldSymbol => $"field '{symbol.Name}'",
        IPropertySymbol => $"property '{symbol.Name}'",
        _ => $"'{symbol.Name}'",
    };
}
