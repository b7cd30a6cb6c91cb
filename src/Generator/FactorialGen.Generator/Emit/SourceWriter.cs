using System;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace FactorialGen.Generator.Emit;

/// <summary>Writes indented C# line by line; <see cref="Block"/> opens a brace and closes it when disposed.</summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _builder = new();
    private int _indent;

    public SourceWriter WriteLine(string line = "")
    {
        if (line.Length > 0)
        {
            _builder.Append(' ', _indent * 4);
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
