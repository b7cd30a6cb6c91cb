namespace FactorialGen.Generator.Model;

/// <summary>
/// The project's selection of one document: the <c>Resources</c> and <c>OmitUnknownOperations</c> metadata of its
/// <c>&lt;FactorialSpec&gt;</c> item (read by <see cref="Parsing.SpecSelection"/>). Every client of the document behaves
/// as if declared with it, and the models assembly holds only the models it reaches.
/// </summary>
/// <param name="FileName">The document's file name.</param>
/// <param name="Resources">The resource scopes selected, or <see cref="ResourceScope.None"/> for the whole document.</param>
/// <param name="OmitUnknownOperations">Whether the operations no resource scope covers are left out too (only with <paramref name="Resources"/>).</param>
/// <param name="Diagnostics">FG1017 for each name in the metadata that is not a resource scope.</param>
internal sealed record DocumentSelection(string FileName, ResourceScope Resources, bool OmitUnknownOperations, EquatableArray<DiagnosticInfo> Diagnostics)
{
    /// <summary>Whether the item limits the document (else every client and the models assembly see all of it).</summary>
    public bool IsLimited => Resources != ResourceScope.None;

    /// <summary>
    /// The selection as a models assembly's entry records it: <c>*</c> for the whole document, else the resource scope
    /// names in bit order joined by <c>;</c>, followed by <c>+OmitUnknownOperations</c> when the unknown operations are left out.
    /// </summary>
    public string Text =>
        !IsLimited ? "*" : Parsing.SpecSelection.Names(Resources) + (OmitUnknownOperations ? "+OmitUnknownOperations" : string.Empty);
}
