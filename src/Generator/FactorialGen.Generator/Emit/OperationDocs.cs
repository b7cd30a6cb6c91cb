using System;
using System.Collections.Generic;
using System.Linq;
using FactorialGen.Generator.Model;
using FactorialGen.Generator.Parsing;

namespace FactorialGen.Generator.Emit;

/// <summary>
/// The XML docs of one generated operation: summary, parameters, one <c>&lt;remarks&gt;</c> (the document's
/// description and the scope and route together), and an <c>&lt;exception&gt;</c> per error the call can raise. What
/// every operation repeats is documented once and inherited: the parameters the generator adds from
/// <c>FactorialOperationParameters</c>, the shared errors from <c>FactorialOperationErrors</c>, and an every-item
/// method's parameters and remarks from its one-page method.
/// </summary>
internal static class OperationDocs
{
    private const string CancellationToken = "cancellationToken";
    private const string Id = "id";

    /// <summary>
    /// The <c>FactorialOperationParameters</c> members that document exactly one set of added parameters (the
    /// cancellation token last in each); any other set is selected by name from <c>Any</c>.
    /// </summary>
    internal static readonly (string Member, string[] Names)[] SharedParameterSets =
    [
        ("Call", [CancellationToken]),
        ("Body", ["body", CancellationToken]),
        ("Content", ["content", CancellationToken]),
        ("Options", ["options", CancellationToken]),
        ("Page", ["limit", "afterId", "beforeId", "page", CancellationToken]),
        ("OptionsPage", ["options", "limit", "afterId", "beforeId", "page", CancellationToken]),
    ];

    /// <summary>
    /// The <c>FactorialOperationDocs</c> members that hold the errors of one <c>FactorialOperationErrors</c> member, the
    /// parameters of one <c>FactorialOperationParameters</c> member and, with <c>Checks</c>, the argument checks of
    /// another: an operation of such a kind inherits them with one tag.
    /// </summary>
    internal static readonly (string Member, string Errors, string Parameters, string? Checks)[] CombinedDocs =
    [
        ("Read", "Read", "Call", null),
        ("Write", "Write", "Call", null),
        ("ReadNoAnswer", "ReadNoAnswer", "Call", null),
        ("WriteNoAnswer", "WriteNoAnswer", "Call", null),
        ("WriteBody", "Write", "Body", null),
        ("WriteBodyNoAnswer", "WriteNoAnswer", "Body", null),
        ("WriteContent", "Write", "Content", null),
        ("ReadPage", "ReadPage", "Page", null),
        ("ReadAll", "ReadAll", "Paging", null),
        ("ReadId", "Read", "Call", "Id"),
        ("WriteId", "Write", "Call", "Id"),
        ("WriteNoAnswerId", "WriteNoAnswer", "Call", "Id"),
        ("WriteBodyId", "Write", "Body", "Id"),
        ("WriteBodyNoAnswerId", "WriteNoAnswer", "Body", "Id"),
        ("ReadOptionsPage", "ReadPage", "OptionsPage", "RequiredOptions"),
        ("ReadOptionsAll", "ReadAll", "Paging", "RequiredOptions"),
    ];

    /// <summary>What the docs need to know of one parameter.</summary>
    /// <param name="Name">The C# name (possibly <c>@</c>-escaped).</param>
    /// <param name="ThrowsIfNull">The method throws <c>ArgumentNullException</c> for it.</param>
    /// <param name="IsTextPathValue">A text path value: empty, <c>.</c> and <c>..</c> are refused.</param>
    /// <param name="Shared">The generator adds it: its doc is inherited from <c>FactorialOperationParameters</c>.</param>
    internal sealed record Param(string Name, string JsonName, string? Doc, bool ThrowsIfNull, bool IsTextPathValue, bool Shared);

    /// <summary>
    /// Writes the docs of one method; for an every-item method, <paramref name="pageMethod"/> is the cref of its
    /// one-page method, whose parameters' docs (those both have) and remarks it inherits.
    /// </summary>
    public static void Write(SourceWriter writer, OperationSpec operation, IReadOnlyList<Param> parameters, bool listAll, string? pageMethod)
    {
        var summary = operation.Summary ?? $"{operation.Method} {operation.Path}";
        if (listAll)
        {
            summary = summary.TrimEnd('.') + ": every item, page after page.";
        }

        var added = pageMethod is not null ? "Paging" : AddedParametersMember(parameters.Where(p => p.Shared).Select(p => p.Name).Concat([CancellationToken]).ToList());
        var errors = SharedErrors(operation, listAll);
        var checks = SharedChecks(parameters);
        var combined = Array.Find(CombinedDocs, c => c.Errors == errors && c.Parameters == added && c.Checks == checks);
        var checksCombined = combined.Member is not null && checks is not null;
        combined = combined.Member is not null ? combined : Array.Find(CombinedDocs, c => c.Errors == errors && c.Parameters == added && c.Checks is null);
        CodeText.WriteTag(writer, "summary", summary);
        if (pageMethod is not null)
        {
            writer.WriteLine($"/// <inheritdoc cref=\"{pageMethod}\" path=\"/*[self::param or self::remarks]\"/>");
        }
        else
        {
            foreach (var parameter in parameters.Where(p => !p.Shared))
            {
                CodeText.WriteTag(writer, "param", parameter.Doc ?? $"The '{parameter.JsonName}' parameter.", $"name=\"{Identifier.Unescape(parameter.Name)}\"");
            }
        }

        if (combined.Member is null)
        {
            writer.WriteLine(added is null
                ? $"/// <inheritdoc cref=\"__R::FactorialOperationParameters.Any\" path=\"/param[{string.Join(" or ", parameters.Where(p => p.Shared).Select(p => p.Name).Concat([CancellationToken]).Select(n => $"@name='{n}'"))}]\"/>"
                : $"/// <inheritdoc cref=\"__R::FactorialOperationParameters.{added}\" path=\"/param\"/>");
        }

        if (pageMethod is null)
        {
            WriteRemarks(writer, operation, operation.Description, summary);
        }

        if (checks is null)
        {
            WriteExceptions(writer, parameters);
        }
        else if (!checksCombined)
        {
            writer.WriteLine($"/// <inheritdoc cref=\"__R::FactorialOperationParameters.{checks}\" path=\"/exception\"/>");
        }

        // The errors every operation shares are documented once, on a runtime member, and inherited from there (with
        // the added parameters' docs, and the argument checks, when one member holds them all).
        writer.WriteLine(combined.Member is null
            ? $"/// <inheritdoc cref=\"__R::FactorialOperationErrors.{errors}\" path=\"/exception\"/>"
            : $"/// <inheritdoc cref=\"__Docs.{combined.Member}\"/>");
    }

    /// <summary>
    /// The <c>FactorialOperationParameters</c> member that documents exactly the added parameters
    /// <paramref name="names"/>; null when none does (they are then selected by name from <c>Any</c>).
    /// </summary>
    internal static string? AddedParametersMember(IReadOnlyList<string> names) =>
        Array.Find(SharedParameterSets, s => s.Names.Length == names.Count && s.Names.All(names.Contains)).Member;

    /// <summary>
    /// A parameter's type as a cref names it, from its declaration (<c>{type} {name}</c>, optionally <c> = null</c>):
    /// generic arguments in braces, <c>?</c> only on a value type.
    /// </summary>
    internal static string CrefType(string declaration, string name, bool isValueType)
    {
        const string Optional = " = null";
        var typed = declaration.EndsWith(Optional, StringComparison.Ordinal) ? declaration.Substring(0, declaration.Length - Optional.Length) : declaration;
        var type = typed.Substring(0, typed.Length - name.Length - 1);
        if (!isValueType && type.EndsWith("?", StringComparison.Ordinal))
        {
            type = type.Substring(0, type.Length - 1);
        }

        return type.Replace('<', '{').Replace('>', '}');
    }

    private static void WriteRemarks(SourceWriter writer, OperationSpec operation, string? description, string summary)
    {
        var route = $"Needs the <c>{(operation.RequiredScope == AccessScope.Write ? "write" : "read")}</c> scope.{ScopeText.Remark(operation.ResourceScope)} <c>{CodeText.Escape(operation.Method)} {CodeText.Escape(operation.Path)}</c>";
        if (string.IsNullOrWhiteSpace(description) || description!.Trim() == summary.Trim())
        {
            writer.WriteLine($"/// <remarks>{route}</remarks>");
            return;
        }

        writer.WriteLine("/// <remarks>");
        CodeText.WriteTag(writer, "para", description);
        writer.WriteLine($"/// <para>{route}</para>");
        writer.WriteLine("/// </remarks>");
    }

    /// <summary>
    /// The <c>FactorialOperationParameters</c> member that documents exactly the argument checks of the operation
    /// (<c>Id</c>: a lone text <c>id</c>; <c>RequiredOptions</c>: only the options object), or null.
    /// </summary>
    internal static string? SharedChecks(IReadOnlyList<Param> parameters)
    {
        var nullable = parameters.Where(p => p.ThrowsIfNull).Select(p => Identifier.Unescape(p.Name)).ToList();
        var texts = parameters.Where(p => p.IsTextPathValue).Select(p => Identifier.Unescape(p.Name)).ToList();
        return (nullable, texts) switch
        {
            ([Id], [Id]) => "Id",
            (["options"], []) when parameters.Any(p => p.Shared && p.Name == "options") => "RequiredOptions",
            _ => null,
        };
    }

    /// <summary>The argument checks of the operation: null, and text path values that would address another resource.</summary>
    private static void WriteExceptions(SourceWriter writer, IReadOnlyList<Param> parameters)
    {
        var nullable = parameters.Where(p => p.ThrowsIfNull).Select(p => $"<paramref name=\"{Identifier.Unescape(p.Name)}\"/>").ToList();
        if (nullable.Count > 0)
        {
            writer.WriteLine($"/// <exception cref=\"__S::ArgumentNullException\">{Join(nullable)} is null.</exception>");
        }

        var texts = parameters.Where(p => p.IsTextPathValue).Select(p => $"<paramref name=\"{Identifier.Unescape(p.Name)}\"/>").ToList();
        if (texts.Count > 0)
        {
            writer.WriteLine($"/// <exception cref=\"__S::ArgumentException\">{Join(texts)} is empty, <c>.</c> or <c>..</c>, which would address another resource; nothing is sent.</exception>");
        }
    }

    /// <summary>The <c>FactorialOperationErrors</c> member whose exceptions the operation raises beyond its arguments' checks.</summary>
    internal static string SharedErrors(OperationSpec operation, bool listAll)
    {
        var scope = operation.RequiredScope == AccessScope.Write ? "Write" : "Read";
        return operation.ResponseShape switch
        {
            ResponseShape.Paged => scope + (listAll ? "All" : "Page"), // with the paging limit's ArgumentOutOfRangeException
            ResponseShape.None => scope + "NoAnswer",
            _ => scope,
        };
    }

    private static string Join(List<string> names) =>
        names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " or " + names[names.Count - 1];
}
