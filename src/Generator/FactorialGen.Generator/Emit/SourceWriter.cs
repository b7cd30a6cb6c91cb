using System;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace FactorialGen.Generator.Emit;

/// <summary>
/// Writes indented C# line by line; <see cref="Block"/> opens a brace and closes it when disposed. One tab per level:
/// indentation was a fifth of the full 2026-07-01 document's generated text with four spaces.
/// </summary>
/// <remarks>
/// A full document makes hundreds of files, one writer each: the builder of a finished file is kept (one per thread, up
/// to <see cref="MaxKeptCapacity"/> characters) for the next writer, so a file's text is written into one buffer rather
/// than a growing chain of small ones.
/// </remarks>
internal sealed class SourceWriter
{
    /// <summary>The largest builder kept for reuse (512 KB of text): files above it (a full document's client) get a new one.</summary>
    internal const int MaxKeptCapacity = 256 * 1024;

    private const int InitialCapacity = 16 * 1024;

    [ThreadStatic]
    private static StringBuilder? t_kept;

    private StringBuilder? _builder;
    private string? _text;
    private int _indent;

    public SourceWriter()
    {
        _builder = t_kept ?? new StringBuilder(InitialCapacity);
        t_kept = null;
    }

    private StringBuilder Builder => _builder ?? throw new InvalidOperationException("The writer's text was already taken.");

    public SourceWriter WriteLine(string line = "")
    {
        var builder = Builder;
        if (line.Length > 0)
        {
            builder.Append('\t', _indent).Append(line);
        }

        builder.Append('\n');
        return this;
    }

    /// <summary>Writes several lines (a raw fragment), indenting each at the current level.</summary>
    public SourceWriter WriteLines(string text)
    {
        var start = 0;
        while (true)
        {
            // The lines of the fragment split at LF, a CRLF counted as one LF (as text.Replace("\r\n", "\n").Split('\n')).
            var end = text.IndexOf('\n', start);
            var stop = end < 0 ? text.Length : end;
            var length = stop - start;
            if (end >= 0 && length > 0 && text[stop - 1] == '\r')
            {
                length--;
            }

            WriteLine(text.Substring(start, length));
            if (end < 0)
            {
                return this;
            }

            start = end + 1;
        }
    }

    public void Indent() => _indent++;

    public void Unindent() => _indent--;

    /// <summary>A file-scoped namespace declaration (and a blank line): what follows is not indented for it.</summary>
    public SourceWriter FileNamespace(string name) => WriteLine($"namespace {name};").WriteLine();

    public IDisposable Block(string header)
    {
        WriteLine(header);
        WriteLine("{");
        _indent++;
        return new Closer(this, "}");
    }

    /// <summary>The text written, as a source text; the writer takes no more lines after it.</summary>
    public SourceText ToSourceText() => SourceText.From(Take(), Encoding.UTF8);

    public override string ToString() => _text ?? Builder.ToString();

    /// <summary>The text written; the builder goes back for the next writer on this thread.</summary>
    private string Take()
    {
        if (_text is not null)
        {
            return _text;
        }

        var builder = Builder;
        _text = builder.ToString();
        _builder = null;
        if (builder.Capacity <= MaxKeptCapacity)
        {
            builder.Clear();
            t_kept = builder;
        }

        return _text;
    }

    private sealed class Closer(SourceWriter writer, string close) : IDisposable
    {
        public void Dispose()
        {
            writer._indent--;
            writer.WriteLine(close);
        }
    }
}
