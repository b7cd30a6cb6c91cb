using System.Collections.Immutable;
using FactorialGen.Generator.Diagnostics;
using FactorialGen.Generator.Emit;
using FactorialGen.Generator.Model;
using FactorialGen.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FactorialGen.Generator;

/// <summary>
/// Generates a typed Factorial client for each <c>[FactorialClient]</c> class: the operations its scope allows, from the
/// built-in document of the core resources or from an OpenAPI document added with <c>&lt;FactorialSpec&gt;</c>.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class FactorialClientGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var rootNamespace = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => options.GlobalOptions.TryGetValue("build_property.RootNamespace", out var value) && !string.IsNullOrWhiteSpace(value) ? value : null);

        var documentTexts = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Where(static pair => DocumentSelector.IsFactorialDocument(pair.Left, pair.Right))
            .Select(static (pair, cancellationToken) => DocumentText.From(pair.Left, cancellationToken))
            .WithTrackingName(StepNames.DocumentText);
        var documents = documentTexts
            .Select(static (document, cancellationToken) => DocumentCache.Read(document.Path, document.Text, cancellationToken))
            .WithTrackingName(StepNames.ReadDocument);
        // Collected and struct values are boxed (Batch, Boxed) before they are combined: see Batch<T>.
        var allDocuments = documents.Collect().Select(static (items, _) => new Batch<Result<ApiDocumentSpec>>(items));

        // The project's selection of each document: its FactorialSpec item's Resources / OmitUnknownOperations metadata.
        var selections = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Where(static pair => DocumentSelector.IsFactorialDocument(pair.Left, pair.Right))
            .Select(static (pair, _) => SpecSelection.Read(pair.Left.Path, pair.Right.GetOptions(pair.Left)))
            .WithTrackingName(StepNames.ReadSelection);
        var allSelections = selections.Collect().Select(static (items, _) => new Batch<DocumentSelection>(items));

        var targets = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownNames.FactorialClientAttribute,
                static (node, _) => node is ClassDeclarationSyntax or RecordDeclarationSyntax,
                static (attributeContext, cancellationToken) => ClientTargetParser.Parse(attributeContext, cancellationToken))
            .WithTrackingName(StepNames.FindTargets);

        // The documents, their selections and the root namespace: what every client and model set is made from.
        var inputs = allDocuments
            .Combine(allSelections)
            .Combine(rootNamespace)
            .Select(static (input, _) => new Boxed<DocumentInputs>(new DocumentInputs(input.Left.Left, input.Left.Right, input.Right)));

        var clients = targets
            .Combine(inputs)
            .Select(static (input, cancellationToken) => ClientSpecBuilder.Build(input.Left, input.Right.Value.Documents.Items, input.Right.Value.Selections.Items, input.Right.Value.RootNamespace, cancellationToken))
            .WithTrackingName(StepNames.BuildClient);

        var modelSets = targets
            .Select(static (target, _) => target with { AttributeLocation = target.AttributeLocation with { FilePath = null, Span = default, LineSpan = default }, Diagnostics = EquatableArray<DiagnosticInfo>.Empty, UserMembers = EquatableArray<UserMember>.Empty })
            .Collect()
            .Select(static (items, _) => new Batch<ClientTarget>(items))
            .Combine(inputs)
            .SelectMany(static (input, _) => ClientSpecBuilder.ModelSets(input.Left.Items, input.Right.Value.Documents.Items, input.Right.Value.Selections.Items, input.Right.Value.RootNamespace))
            .WithTrackingName(StepNames.SelectModels);

        // <FactorialGenModelsAssembly>: the models compilation emits every document's models (those its item's selection
        // reaches); the app's compilation leaves out those a referenced models assembly holds (same text, same selection).
        var modelsOnly = context.AnalyzerConfigOptionsProvider.Select(static (options, _) => new Boxed<bool>(ModelsAssembly.IsModelsOnly(options.GlobalOptions)));
        var fingerprints = documentTexts
            .Select(static (document, _) => new DocumentFingerprint(System.IO.Path.GetFileName(document.Path), ModelsAssembly.Fingerprint(document.Text ?? Microsoft.CodeAnalysis.Text.SourceText.From(string.Empty))))
            .Collect()
            .Select(static (items, _) => new Batch<DocumentFingerprint>(items));
        var providedModels = context.CompilationProvider.Select(static (compilation, cancellationToken) => new Boxed<EquatableArray<string>>(ModelsAssembly.Provided(compilation, cancellationToken)));
        var provided = fingerprints
            .Combine(allSelections)
            .Combine(providedModels)
            .Select(static (input, _) => new Boxed<ProvidedInputs>(new ProvidedInputs(input.Left.Left, input.Left.Right, input.Right.Value)));
        var appModelSets = modelSets
            .Combine(provided)
            .Where(static input => !ModelsAssembly.IsProvided(input.Left, input.Right.Value.Fingerprints.Items, input.Right.Value.Selections.Items, input.Right.Value.Provided))
            .Select(static (input, _) => input.Left);
        var documentModelSets = inputs
            .Combine(fingerprints)
            .Combine(modelsOnly)
            .SelectMany(static (input, _) => input.Right.Value ? ModelsAssembly.DocumentModelSets(input.Left.Left.Value.Documents.Items, input.Left.Right.Items, input.Left.Left.Value.Selections.Items, input.Left.Left.Value.RootNamespace) : ImmutableArray<(ModelSet Set, string Entry)>.Empty);

        context.RegisterSourceOutput(clients.Select(static (result, _) => result.Value), static (spc, client) =>
        {
            if (client is not null)
            {
                ClientEmitter.Emit(spc, client);
            }
        });
        context.RegisterSourceOutput(clients.Select(static (result, _) => new Boxed<EquatableArray<DiagnosticInfo>>(result.Diagnostics)), Report);
        // The models compilation leaves a document's diagnostics to the app's, which reports them once.
        context.RegisterSourceOutput(
            documents.Combine(modelsOnly).Select(static (input, _) => new Boxed<EquatableArray<DiagnosticInfo>>(input.Right.Value ? EquatableArray<DiagnosticInfo>.Empty : input.Left.Diagnostics)),
            Report);
        context.RegisterSourceOutput(
            selections.Combine(modelsOnly).Select(static (input, _) => new Boxed<EquatableArray<DiagnosticInfo>>(input.Right.Value ? EquatableArray<DiagnosticInfo>.Empty : input.Left.Diagnostics)),
            Report);
        context.RegisterSourceOutput(appModelSets, ModelEmitter.Emit);
        context.RegisterSourceOutput(appModelSets, WebhookEmitter.Emit);
        context.RegisterSourceOutput(documentModelSets, static (spc, entry) => ModelEmitter.Emit(spc, entry.Set));
        context.RegisterSourceOutput(documentModelSets, static (spc, entry) => WebhookEmitter.Emit(spc, entry.Set));
        context.RegisterSourceOutput(documentModelSets, ModelsAssemblyEmitter.Emit);
        context.RegisterSourceOutput(clients.Select(static (result, _) => result.Value), WebhookEmitter.EmitClient);
        context.RegisterSourceOutput(clients.Select(static (result, _) => result.Value), ApiVersionEmitter.Emit);
    }

    private static void Report(SourceProductionContext context, Boxed<EquatableArray<DiagnosticInfo>> diagnostics) => DiagnosticReporter.Report(context, diagnostics.Value);
}
