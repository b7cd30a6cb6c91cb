using System;
using System.Collections.Generic;
using System.Threading;
using FactorialGen.Generator.Diagnostics;
using FactorialGen.Generator.Model;
using Microsoft.CodeAnalysis.Text;

namespace FactorialGen.Generator.Parsing;

/// <summary>
/// The documents read in this process, by path and text: a compiler server (VBCSCompiler) keeps the generator loaded
/// between builds and creates a new pipeline for each, so an unchanged document is read once per server rather than
/// once per build. A hit needs the same path and the same text (compared in full, no checksum trusted); at most
/// <see cref="Size"/> documents are kept, the least recently used dropped. A document that could not be read at all
/// (FG1006: e.g. the YAML parser failed to load) is read again next time.
/// </summary>
internal static class DocumentCache
{
    public const int Size = 4;

    private static readonly object Gate = new();
    private static readonly LinkedList<Entry> Entries = new();

    public static Result<ApiDocumentSpec> Read(string path, SourceText? text, CancellationToken cancellationToken)
    {
        if (text is null)
        {
            return OpenApiReader.Read(path, text, isBuiltIn: false, cancellationToken);
        }

        lock (Gate)
        {
            for (var node = Entries.First; node is not null; node = node.Next)
            {
                if (node.Value.Matches(path, text))
                {
                    Entries.Remove(node);
                    Entries.AddFirst(node);
                    return node.Value.Result;
                }
            }
        }

        var result = OpenApiReader.Read(path, text, isBuiltIn: false, cancellationToken);
        if (!IsCacheable(result))
        {
            return result;
        }

        lock (Gate)
        {
            for (var node = Entries.First; node is not null; node = node.Next)
            {
                if (string.Equals(node.Value.Path, path, StringComparison.Ordinal))
                {
                    Entries.Remove(node); // the older text of this path
                    break;
                }
            }

            Entries.AddFirst(new Entry(path, text, result));
            while (Entries.Count > Size)
            {
                Entries.RemoveLast();
            }
        }

        return result;
    }

    /// <summary>Drops every kept document (tests).</summary>
    internal static void Clear()
    {
        lock (Gate)
        {
            Entries.Clear();
        }
    }

    private static bool IsCacheable(Result<ApiDocumentSpec> result)
    {
        foreach (var diagnostic in result.Diagnostics)
        {
            if (diagnostic.Id == Descriptors.FG1006_DocumentUnreadable.Id)
            {
                return false;
            }
        }

        return true;
    }

    private sealed class Entry(string path, SourceText text, Result<ApiDocumentSpec> result)
    {
        public string Path { get; } = path;

        public Result<ApiDocumentSpec> Result { get; } = result;

        public bool Matches(string path, SourceText text) =>
            string.Equals(Path, path, StringComparison.Ordinal)
            && (ReferenceEquals(text, _text) || (text.Length == _text.Length && text.ContentEquals(_text)));

        private readonly SourceText _text = text;
    }
}
