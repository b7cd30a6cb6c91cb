using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace FactorialGen.Generator.Tests;

/// <summary>
/// The generator's output depends on its inputs only: the same documents and declarations give byte-identical sources
/// whatever order the compiler hands them over in and whatever culture the build machine runs under.
/// </summary>
/// <remarks>
/// This can fail: the document below has names with an <c>i</c> (<c>is_visible</c>, <c>item_id</c>), decimals
/// (<c>1.5</c>, <c>0.25</c>) and an integer enum. A culture-sensitive <c>ToUpper()</c> in the naming turns <c>i</c>
/// into <c>İ</c> under tr-TR; a culture-sensitive <c>ToString()</c> of a number writes <c>1,5</c> under de-DE; a
/// dictionary or hash-set iteration, or "first document/declaration seen wins", changes with the input order. Any of
/// these makes one run differ from the invariant, declaration-order run. Checked: with <c>char.ToUpper(c)</c> instead of
/// <c>char.ToUpperInvariant(c)</c> in <c>Identifier</c>, both tr-TR runs fail.
/// </remarks>
public sealed class DeterminismTests
{
    private const string Reports = "namespace Acme; [FactorialGen.FactorialClient(FactorialGen.FactorialScope.Read, Spec = \"factorial-items.json\")] public partial class HrReports;";
    private const string Admin = "namespace Acme; [FactorialGen.FactorialClient(FactorialGen.FactorialScope.ReadWrite, Spec = \"factorial-items.json\")] public partial class HrAdmin;";
    private const string Things = "namespace Acme.Other; [FactorialGen.FactorialClient(FactorialGen.FactorialScope.ReadWrite, Spec = \"factorial-things.json\")] public partial class ThingsClient;";

    private const string ItemsDocument = """
        {
          "openapi": "3.1.0", "info": { "title": "items", "version": "1" },
          "paths": {
            "/api/2026-07-01/resources/items/items": {
              "get": {
                "parameters": [ { "name": "item_id", "in": "query", "schema": { "type": "integer", "minimum": 1 } },
                                { "name": "ratio", "in": "query", "schema": { "type": "number", "default": 1.5, "maximum": 2.75 } } ],
                "responses": { "200": { "content": { "application/json": { "schema": { "type": "array", "items": { "$ref": "#/components/schemas/items_item" } } } } } }
              },
              "post": { "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/items_item" } } } }, "responses": { "201": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/items_item" } } } } } }
            }
          },
          "components": { "schemas": {
            "items_item": { "type": "object", "required": ["id", "is_visible"], "properties": {
              "id": { "type": "integer" }, "is_visible": { "type": "boolean" }, "title": { "type": "string" },
              "weight": { "type": "number", "default": 0.25, "minimum": 0.5 }, "issued_on": { "type": "string", "format": "date" },
              "priority": { "type": "integer", "enum": [3, 1, 2] }, "kind": { "type": "string", "enum": ["zeta", "alpha", "iota", "Istanbul"] } } }
          } }
        }
        """;

    private const string ThingsDocument = """
        {
          "openapi": "3.1.0", "info": { "title": "things", "version": "1" },
          "paths": {
            "/api/2026-07-01/resources/things/things": {
              "get": { "responses": { "200": { "content": { "application/json": { "schema": { "type": "array", "items": { "$ref": "#/components/schemas/things_thing" } } } } } } }
            }
          },
          "components": { "schemas": { "things_thing": { "type": "object", "required": ["id"], "properties": { "id": { "type": "string" }, "items_count": { "type": "integer" }, "share": { "type": "number", "default": 12.5 } } } } }
        }
        """;

    public static TheoryData<bool, string> Runs => new()
    {
        { true, "" },
        { false, "tr-TR" },
        { true, "tr-TR" },
        { false, "de-DE" },
        { true, "de-DE" },
        { false, "ar-SA" },
    };

    [Theory]
    [MemberData(nameof(Runs))]
    public void Generated_sources_are_byte_identical_whatever_the_input_order_and_culture(bool reversed, string culture)
    {
        var reference = Generate(reversed: false, CultureInfo.InvariantCulture);
        var run = Generate(reversed, CultureInfo.GetCultureInfo(culture));

        Assert.True(reference.Count > 3, "the generator emitted too little for this test to mean anything");
        Assert.Equal(reference.Keys, run.Keys);
        foreach (var (hintName, expected) in reference)
        {
            var actual = run[hintName];
            Assert.True(expected.AsSpan().SequenceEqual(actual), $"{hintName} differs (reversed inputs: {reversed}, culture: '{culture}'): {FirstDifference(expected, actual)}");
        }
    }

    /// <summary>The generated sources by hint name, as UTF-8 bytes, from one run under <paramref name="culture"/>.</summary>
    private static SortedDictionary<string, byte[]> Generate(bool reversed, CultureInfo culture)
    {
        var (previous, previousUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
            string[] sources = [Reports, Admin, Things];
            AdditionalText[] documents =
            [
                GeneratorHarness.Document("/specs/factorial-items.json", ItemsDocument),
                GeneratorHarness.Document("/specs/factorial-things.json", ThingsDocument),
            ];
            if (reversed)
            {
                Array.Reverse(sources);
                Array.Reverse(documents);
            }

            var driver = GeneratorHarness.Driver(documents, trackSteps: false).RunGenerators(GeneratorHarness.Compilation(sources));
            var result = driver.GetRunResult().Results.Single();
            Assert.Null(result.Exception);
            return new SortedDictionary<string, byte[]>(
                result.GeneratedSources.ToDictionary(s => s.HintName, s => System.Text.Encoding.UTF8.GetBytes(s.SourceText.ToString()), StringComparer.Ordinal),
                StringComparer.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
            CultureInfo.CurrentUICulture = previousUi;
        }
    }

    private static string FirstDifference(byte[] expected, byte[] actual)
    {
        var at = 0;
        while (at < expected.Length && at < actual.Length && expected[at] == actual[at])
        {
            at++;
        }

        string Around(byte[] bytes) => System.Text.Encoding.UTF8.GetString(bytes, Math.Max(0, at - 40), Math.Min(bytes.Length, at + 40) - Math.Max(0, at - 40));
        return $"first difference at byte {at}: expected '…{Around(expected)}…', got '…{Around(actual)}…'";
    }
}
