using System;
using System.Collections.Generic;
using FactorialGen.Generator.Diagnostics;
using FactorialGen.Generator.Model;
using Microsoft.CodeAnalysis.Text;

namespace FactorialGen.Generator.Parsing;

/// <summary>The document being read: where its FG1007 warnings go, located near the text they name.</summary>
internal sealed class ReadContext(string path, string fileName, SourceText text, List<DiagnosticInfo> diagnostics)
{
    private string? _content;

    public void Warn(string what, string why, string? near)
    {
        var at = default((TextSpan, LinePositionSpan));
        if (near is not null)
        {
            _content ??= text.ToString();
            var index = _content.IndexOf("\"" + near + "\"", StringComparison.Ordinal);
            if (index >= 0)
            {
                var span = new TextSpan(index, near.Length + 2);
                at = (span, text.Lines.GetLinePositionSpan(span));
            }
        }

        diagnostics.Add(DiagnosticInfo.Create(Descriptors.FG1007_UnsupportedConstruct, path, at.Item1, at.Item2, what, fileName, why));
    }
}

/// <summary>An operation as read, before its name is made unique within its resource.</summary>
internal sealed record RawOperation(
    string Method,
    string Path,
    OperationNamer.PathParts Parts,
    string BaseName,
    AccessScope RequiredScope,
    ResourceScope ResourceScope,
    string? Summary,
    string? Description,
    bool Deprecated,
    List<ParameterSpec> Parameters,
    BodyKind BodyKind,
    TypeRef? Body,
    bool BodyRequired,
    ResponseShape Shape,
    TypeRef? Response)
{
    public OperationSpec ToSpec(string name) => new(
        Method, Path, Parts.Group, Parts.Resource, name, RequiredScope, ResourceScope, Summary, Description, Deprecated,
        Parameters.ToEquatableArray(), BodyKind, Body, BodyRequired, Shape, Response);
}
