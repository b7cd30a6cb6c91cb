using System;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace FactorialGen.Generator.Emit;

/// <summary>
/// Writes indented C# line by line; <see cref="Block"/> opens a brace and closes it when disposed. One tab per level:
/// indentation was a fifth of the full 2026-07-01 document's generated text with four spaces.
/// </summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _builder = new();
    private int _indent;

    public SourceWriter WriteLine(string line = "")
    {
        if (line.Length > 0)
        {
            _builder.Append('\t', _indent);
        }

        _builder.Append(line).Append('\n');
        return this;
    }

    /// <summary>Writes several lines (a raw fragment), indenting each at the current level.</summary>
    public SourceWriter WriteLines(string text)
    {
        foreach (var line in text.Replace("\r\n", "\n").Split('\n'))
        {
            WriteLine(line);
        }

        return this;
    }

    public void Indent() => _indent++;

    public void Unindent() => _indent--;

    public IDisposable Block(string header)
    {
        WriteLine(header);
        WriteLine("{");
        _indent++;
        return new Closer(this, "}");
    }

    public SourceText ToSourceText() => SourceText.From(_builder.ToString(), Encoding.UTF8);

    public override string ToString() => _builder.ToString();

    private sealed class Closer(SourceWriter writer, string close) : IDisposable
    {
        public void Dispose()
        {
            writer._indent--;
            writer.WriteLine(close);
        }
    }
}
