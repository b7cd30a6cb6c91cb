using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace FactorialGen.Generator.Model;

/// <summary>A diagnostic as plain data (no <see cref="Location"/> or symbols), made into a <see cref="Diagnostic"/> only when reported.</summary>
internal sealed record DiagnosticInfo(string Id, string? FilePath, TextSpan Span, LinePositionSpan LineSpan, EquatableArray<string> Arguments)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, string? filePath, TextSpan span, LinePositionSpan lineSpan, params string[] arguments) =>
        new(descriptor.Id, filePath, span, lineSpan, arguments.ToEquatableArray());

    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, Location? location, params string[] arguments)
    {
        var lineSpan = location?.GetLineSpan();
        return new(descriptor.Id, lineSpan?.Path, location?.SourceSpan ?? default, lineSpan?.Span ?? default, arguments.ToEquatableArray());
    }

    public Location ToLocation() =>
        FilePath is null ? Location.None : Location.Create(FilePath, Span, LineSpan);
}

/// <summary>A pipeline result: a value (possibly absent) and the problems found making it.</summary>
internal sealed record Result<T>(T? Value, EquatableArray<DiagnosticInfo> Diagnostics)
    where T : class;
