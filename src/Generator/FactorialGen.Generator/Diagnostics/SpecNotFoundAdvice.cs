using System;
using System.Linq;
using FactorialGen.Generator.Model;

namespace FactorialGen.Generator.Diagnostics;

/// <summary>
/// The arguments of FG1004. <c>Spec</c> names a document by its file name only, so the advice depends on what was
/// written: a bare name gets "add it as a FactorialSpec item"; a path (<c>specs/factorial.yaml</c>) gets "write the
/// file name only", and the FactorialSpec item to add when the file is not in the project yet. The old advice,
/// <c>&lt;FactorialSpec Include="path/specs/factorial.yaml" /&gt;</c>, was wrong for a path.
/// </summary>
internal static class SpecNotFoundAdvice
{
    public static EquatableArray<string> Arguments(string spec, string[] available)
    {
        var found = available.Length == 0 ? "none" : string.Join(", ", available);
        var slash = spec.LastIndexOfAny(new[] { '/', '\\' });
        if (slash < 0)
        {
            return new[] { spec, found, $"add the file to the project as <FactorialSpec Include=\"<its folder>/{spec}\" />, or set Spec to one of the documents found" }.ToEquatableArray();
        }

        var fileName = spec.Substring(slash + 1);
        var advice = available.Contains(fileName, StringComparer.OrdinalIgnoreCase)
            ? $"Spec takes the document's file name, without its folder: write Spec = \"{fileName}\""
            : $"Spec takes the document's file name, without its folder: write Spec = \"{fileName}\", and add the file to the project as <FactorialSpec Include=\"{spec.Replace('\\', '/')}\" /> (the path relative to the project file)";
        return new[] { spec, found, advice }.ToEquatableArray();
    }
}
