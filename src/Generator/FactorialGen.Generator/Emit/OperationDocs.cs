using System.Collections.Generic;
using System.Linq;
using FactorialGen.Generator.Model;
using FactorialGen.Generator.Parsing;

namespace FactorialGen.Generator.Emit;

/// <summary>
/// The XML docs of one generated operation: summary, parameters, one <c>&lt;remarks&gt;</c> (the document's
/// description and the scope and route together), and an <c>&lt;exception&gt;</c> per error the call can raise.
/// </summary>
internal static class OperationDocs
{
    /// <summary>What the docs need to know of one parameter.</summary>
    /// <param name="Name">The C# name (possibly <c>@</c>-escaped).</param>
    /// <param name="ThrowsIfNull">The method throws <c>ArgumentNullException</c> for it.</param>
    /// <param name="IsTextPathValue">A text path value: empty, <c>.</c> and <c>..</c> are refused.</param>
    internal sealed record Param(string Name, string JsonName, string? Doc, bool ThrowsIfNull, bool IsTextPathValue);

    public static void Write(SourceWriter writer, OperationSpec operation, IReadOnlyList<Param> parameters, bool listAll)
    {
        var summary = operation.Summary ?? $"{operation.Method} {operation.Path}";
        if (listAll)
        {
            summary = summary.TrimEnd('.') + ": every item, page after page.";
        }

        var description = operation.Description;
        CodeText.WriteTag(writer, "summary", summary);
        foreach (var parameter in parameters)
        {
            CodeText.WriteTag(writer, "param", parameter.Doc ?? $"The '{parameter.JsonName}' parameter.", $"name=\"{Identifier.Unescape(parameter.Name)}\"");
        }

        writer.WriteLine("/// <param name=\"cancellationToken\">Cancels the call.</param>");
        WriteRemarks(writer, operation, description, summary);
        WriteExceptions(writer, operation, parameters, listAll);
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

    private static void WriteExceptions(SourceWriter writer, OperationSpec operation, IReadOnlyList<Param> parameters, bool listAll)
    {
        var when = listAll ? " (raised while the items are enumerated)" : string.Empty;
        var nullable = parameters.Where(p => p.ThrowsIfNull).Select(p => $"<paramref name=\"{Identifier.Unescape(p.Name)}\"/>").ToList();
        if (nullable.Count > 0)
        {
            writer.WriteLine($"/// <exception cref=\"__S::ArgumentNullException\">{Join(nullable)} is null.</exception>");
        }

        var paged = operation.ResponseShape == ResponseShape.Paged;
        if (paged)
        {
            writer.WriteLine(listAll
                ? "/// <exception cref=\"__S::ArgumentOutOfRangeException\"><c>paging.Limit</c> is not 1 to 100 (<see cref=\"__F::FactorialPaging.MaxLimit\"/>); nothing is sent.</exception>"
                : "/// <exception cref=\"__S::ArgumentOutOfRangeException\"><c>limit</c> is not 1 to 100 (<see cref=\"__F::FactorialPaging.MaxLimit\"/>); nothing is sent.</exception>");
        }

        var texts = parameters.Where(p => p.IsTextPathValue).Select(p => $"<paramref name=\"{Identifier.Unescape(p.Name)}\"/>").ToList();
        if (texts.Count > 0)
        {
            writer.WriteLine($"/// <exception cref=\"__S::ArgumentException\">{Join(texts)} is empty, <c>.</c> or <c>..</c>, which would address another resource; nothing is sent.</exception>");
        }

        var scope = operation.RequiredScope == AccessScope.Write ? "write" : "read";
        writer.WriteLine($"/// <exception cref=\"__F::FactorialScopeException\">The token lacks the <c>{scope}</c> scope (nothing is sent), or Factorial answered 403{when}.</exception>");
        writer.WriteLine($"/// <exception cref=\"__F::FactorialApiException\">Factorial answered with an error status, such as 404 for an id that does not exist or 422 for invalid input; 429 is <see cref=\"__F::FactorialRateLimitException\"/>{when}.</exception>");
        writer.WriteLine($"/// <exception cref=\"__F::FactorialAuthException\">The token could not be refreshed; <see cref=\"__F::FactorialReauthorizationRequiredException\"/> when only a new authorization helps{when}.</exception>");
        if (operation.ResponseShape != ResponseShape.None)
        {
            writer.WriteLine($"/// <exception cref=\"__F::FactorialInvalidResponseException\">The answer was not the JSON the document describes, or was larger than <c>FactorialClientOptions.MaxResponseBytes</c>{when}.</exception>");
        }

        writer.WriteLine($"/// <exception cref=\"__F::FactorialNetworkException\">Factorial could not be reached, or the answer was not complete within <c>FactorialClientOptions.Timeout</c>{when}.</exception>");
    }

    private static string Join(List<string> names) =>
        names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " or " + names[names.Count - 1];
}
