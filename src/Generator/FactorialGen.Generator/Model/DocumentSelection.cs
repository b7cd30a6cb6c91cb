namespace FactorialGen.Generator.Model;

/// <summary>
/// The project's selection of one document: the <c>Resources</c> and <c>OmitUnknownOperations</c> metadata of its
/// <c>&lt;FactorialSpec&gt;</c> item (read by <see cref="Parsing.SpecSelection"/>). Every client of the document behaves
/// as if declared with it, and the models assembly holds only the models it reaches.
/// </summary>
/// <param name="FileName">The document's file name.</param>
/// <param name="Resources">The resource scopes selected, or <see cref="ResourceScope.None"/> for the whole document.</param>
/// <param name="OmitUnknownOperations">Whether the operations no resource scope covers are left out too (only with <paramref name="Resources"/>).</param>
/// <param name="Diagnostics">FG1017 for each name in the metadata that is not a resource scope; FG1018 for an <c>OmitUnknownOperations</c> that is neither true nor false.</param>
/// <param name="OmitUnknownInvalid">
/// Whether the item's <c>OmitUnknownOperations</c> is neither true nor false (FG1018): then <paramref name="OmitUnknownOperations"/>
/// is no answer, and nothing is generated from it (<see cref="IsUndecided"/>).
/// </param>
internal sealed record DocumentSelection(string FileName, ResourceScope Resources, bool OmitUnknownOperations, EquatableArray<DiagnosticInfo> Diagnostics, bool OmitUnknownInvalid)
{
    /// <summary>Whether the item limits the document (else every client and the models assembly see all of it).</summary>
    public bool IsLimited => Resources != ResourceScope.None;

    /// <summary>
    /// Whether the item limits the document but does not say whether the unknown operations are left out (FG1018): no
    /// client of the document that does not say so itself is generated, and the models compilation emits none of its models.
    /// </summary>
    public bool IsUndecided => IsLimited && OmitUnknownInvalid;

    /// <summary>
    /// The selection as a models assembly's entry records it: <c>*</c> for the whole document, else the resource scope
    /// names in bit order joined by <c>;</c>, followed by <c>+OmitUnknownOperations</c> when the unknown operations are left out
    /// (<c>+OmitUnknownOperations=?</c> when the item does not say: no models assembly records that, so none is used).
    /// </summary>
    public string Text =>
        !IsLimited ? "*" : Parsing.SpecSelection.Names(Resources) + (IsUndecided ? "+OmitUnknownOperations=?" : OmitUnknownOperations ? "+OmitUnknownOperations" : string.Empty);
}
