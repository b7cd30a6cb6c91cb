using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace FactorialGen.Generator.Tests;

/// <summary>
/// The generated files keep nullable annotations on (every public signature says what may be null) and turn nullable
/// warnings off, so that a real build skips the compiler's nullable flow analysis of the generated bodies (a sixth of
/// the compile of a full document's client). The tests turn the warnings back on
/// (<see cref="GeneratorHarness.WithNullableWarnings"/>), so a nullable mistake in generated code still fails them.
/// </summary>
public sealed class GeneratedNullableContextTests
{
    private const string Client = "[FactorialGen.FactorialClient(FactorialGen.FactorialScope.ReadWrite)] public partial class Hr;";

    [Fact]
    public void Every_generated_member_is_declared_with_annotations_on_and_warnings_off()
    {
        var result = GeneratorHarness.Run(Client);
        var generated = result.RunResult.Results.SelectMany(r => r.GeneratedSources).ToList();
        Assert.NotEmpty(generated);

        foreach (var source in generated)
        {
            var tree = result.Output.SyntaxTrees.Single(t => t.FilePath.EndsWith(source.HintName, StringComparison.Ordinal));
            var model = result.Output.GetSemanticModel(tree);
            // Members outside the converters (which have no nullable context at all): the public surface.
            foreach (var member in tree.GetRoot().DescendantNodes().OfType<MemberDeclarationSyntax>()
                         .Where(m => m is MethodDeclarationSyntax or PropertyDeclarationSyntax && !m.Ancestors().OfType<ClassDeclarationSyntax>().Any(c => c.Identifier.Text.EndsWith("JsonConverter", StringComparison.Ordinal))))
            {
                var context = model.GetNullableContext(member.SpanStart);
                Assert.True(context.AnnotationsEnabled(), $"{source.HintName}: annotations are off at {member.ToString().Split('\n')[0]}");
                Assert.False(context.WarningsEnabled(), $"{source.HintName}: warnings are on at {member.ToString().Split('\n')[0]}");
            }
        }
    }

    [Fact]
    public void The_public_signatures_say_what_may_be_null()
    {
        var result = GeneratorHarness.Run(Client);
        Assert.Empty(result.CompileProblems);

        var lists = AllTypes(result.Type("Hr")).SelectMany(t => t.GetMembers("ListAsync")).OfType<IMethodSymbol>().ToList();
        Assert.NotEmpty(lists);
        Assert.All(lists, list =>
        {
            Assert.Equal(NullableAnnotation.Annotated, list.Parameters.Single(p => p.Name == "afterId").NullableAnnotation);
            Assert.Equal(NullableAnnotation.NotAnnotated, list.ReturnType.NullableAnnotation);
        });

        var required = result.Output.GetSymbolsWithName(_ => true, SymbolFilter.Member).OfType<IPropertySymbol>()
            .Where(p => p.IsRequired && p.Type.SpecialType == SpecialType.System_String).ToList();
        Assert.NotEmpty(required);
        Assert.All(required, p => Assert.Equal(NullableAnnotation.NotAnnotated, p.NullableAnnotation));
        var optional = result.Output.GetSymbolsWithName(_ => true, SymbolFilter.Member).OfType<IPropertySymbol>()
            .Where(p => !p.IsRequired && p.Type.SpecialType == SpecialType.System_String && p.ContainingNamespace.ToDisplayString().EndsWith(".FactorialApi", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(optional);
        Assert.All(optional, p => Assert.Equal(NullableAnnotation.Annotated, p.NullableAnnotation));
    }

    [Fact]
    public void The_harness_turns_the_warnings_back_on_so_a_null_planted_in_generated_code_fails_the_tests()
    {
        var result = GeneratorHarness.Run(Client);
        var tree = result.Output.SyntaxTrees.First(t => t.GetText().ToString().Contains("public required string ", StringComparison.Ordinal));
        var text = tree.GetText().ToString();
        var at = text.IndexOf("{ get; init; }", text.IndexOf("public required string ", StringComparison.Ordinal), StringComparison.Ordinal) + "{ get; init; }".Length;
        var planted = result.Output.ReplaceSyntaxTree(tree, tree.WithChangedText(SourceText.From(text.Insert(at, " = null;"), System.Text.Encoding.UTF8)));

        // As a consumer's build sees it: the header's warnings are off, so nothing is reported (and nothing analysed).
        Assert.DoesNotContain(planted.GetDiagnostics(), d => d.Id == "CS8625");
        // As the tests check it.
        Assert.Contains(GeneratorHarness.WithNullableWarnings(planted).GetDiagnostics(), d => d.Id == "CS8625");
    }

    private static System.Collections.Generic.IEnumerable<INamedTypeSymbol> AllTypes(INamedTypeSymbol type) =>
        new[] { type }.Concat(type.GetTypeMembers().SelectMany(AllTypes));
}
