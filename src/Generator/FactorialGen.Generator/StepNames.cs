namespace FactorialGen.Generator;

/// <summary>Tracking names of the pipeline steps, so tests can check what was cached.</summary>
internal static class StepNames
{
    public const string DocumentText = nameof(DocumentText);
    public const string ReadDocument = nameof(ReadDocument);
    public const string ReadSelection = nameof(ReadSelection);
    public const string FindTargets = nameof(FindTargets);
    public const string BuildClient = nameof(BuildClient);
    public const string SelectModels = nameof(SelectModels);
}
