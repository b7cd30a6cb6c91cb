using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace FactorialGen.Generator.Model;

/// <summary>
/// The path and text of a document, equal to another when both are: the first step of the pipeline, so a new
/// <see cref="AdditionalText"/> object with the same content (a compiler server or an IDE makes one per compilation)
/// re-reads nothing, and every step after it stays cached. The text itself is compared, not a checksum of it, so two
/// different documents can never be taken for one.
/// </summary>
internal sealed class DocumentText : IEquatable<DocumentText>
{
    private DocumentText(string path, SourceText? text)
    {
        Path = path;
        Text = text;
    }

    public string Path { get; }

    /// <summary>The document's text, or <c>null</c> when it could not be read.</summary>
    public SourceText? Text { get; }

    public static DocumentText From(AdditionalText file, CancellationToken cancellationToken) =>
        new(file.Path, file.GetText(cancellationToken));

    public bool Equals(DocumentText? other) =>
        other is not null
        && string.Equals(Path, other.Path, StringComparison.Ordinal)
        && (ReferenceEquals(Text, other.Text) || (Text is not null && other.Text is not null && Text.Length == other.Text.Length && Text.ContentEquals(other.Text)));

    public override bool Equals(object? obj) => Equals(obj as DocumentText);

    public override int GetHashCode() => unchecked((StringComparer.Ordinal.GetHashCode(Path) * 397) ^ (Text?.Length ?? -1));
}
