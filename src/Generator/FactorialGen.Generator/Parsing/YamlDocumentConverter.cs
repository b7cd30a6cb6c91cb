using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading;
using Microsoft.CodeAnalysis.Text;

namespace FactorialGen.Generator.Parsing;

/// <summary>
/// Turns a YAML OpenAPI document into the UTF-8 JSON the <see cref="OpenApiReader"/> reads, so a YAML document and its
/// JSON form go through the same reader and generate the same code. Reads YamlDotNet's event stream (no YAML object
/// model) and applies the YAML 1.2 core schema:
/// <list type="bullet">
/// <item>quoted, literal (<c>|</c>) and folded (<c>&gt;</c>) scalars are strings;</item>
/// <item>plain <c>null</c>/<c>Null</c>/<c>NULL</c>/<c>~</c>/empty is null; <c>true</c>/<c>True</c>/<c>TRUE</c> and the
/// same three spellings of <c>false</c> are booleans; decimal, <c>0o</c> octal and <c>0x</c> hex integers and decimal
/// floats are numbers (<c>.inf</c>/<c>.nan</c>, which JSON cannot hold, stay strings); every other plain scalar is a
/// string (<c>2026-07-01</c>, <c>1.0.0</c>, <c>on</c>, <c>off</c>, <c>yes</c>, <c>no</c>, <c>1_000</c>);</item>
/// <item><c>!!str</c> makes a string; <c>!!null</c>, <c>!!bool</c>, <c>!!int</c> and <c>!!float</c> must hold a
/// value of their type; other tags are ignored;</item>
/// <item>a key is the text of its scalar as written (<c>200:</c> is <c>"200"</c>); a mapping or sequence as a key,
/// or the same key twice in one mapping, is an error (YAML requires unique keys; the JSON form could only keep one);</item>
/// <item>aliases are expanded, at most <see cref="MaxAliasNodes"/> nodes and <see cref="MaxOutputChars"/> characters
/// in all (a "billion laughs" document is refused); merge keys (<c>&lt;&lt;</c>) merge, explicit keys winning.</item>
/// </list>
/// Never throws for bad input: the first problem ends the conversion and becomes one located <see cref="Problem"/>.
/// Conversions are cached by content, so an unchanged document is parsed once per compiler process.
/// </summary>
internal static partial class YamlDocumentConverter
{
    /// <summary>Deepest nesting of mappings and sequences (the JSON reader's limit).</summary>
    public const int MaxDepth = 512;

    /// <summary>How many nodes aliases and merge keys may add to the document in all.</summary>
    public const int MaxAliasNodes = 1_000_000;

    /// <summary>How many characters of scalars the converted document may hold, beyond those of the file itself.</summary>
    public const int MaxOutputChars = 64 * 1024 * 1024;

    private const int CacheSize = 4;

    private static readonly object CacheGate = new();
    private static readonly LinkedList<KeyValuePair<string, Conversion>> Cache = new();

    /// <summary>The result: the JSON of the document, or the one problem that stopped the conversion.</summary>
    internal sealed class Conversion(ReadOnlyMemory<byte> json, Problem? problem)
    {
        public ReadOnlyMemory<byte> Json { get; } = json;

        public Problem? Problem { get; } = problem;
    }

    /// <summary>Why a YAML document cannot be read, and where (zero-based line and column).</summary>
    internal sealed record Problem(string Message, int Line, int Column);

    public static Conversion Convert(SourceText text, CancellationToken cancellationToken)
    {
        var key = CacheKey(text);
        lock (CacheGate)
        {
            // Without a checksum (a host may give none) there is no safe key: convert every time.
            for (var node = key is null ? null : Cache.First; node is not null; node = node.Next)
            {
                if (string.Equals(node.Value.Key, key, StringComparison.Ordinal))
                {
                    Cache.Remove(node);
                    Cache.AddFirst(node);
                    return node.Value.Value;
                }
            }
        }

        Conversion conversion;
        try
        {
            conversion = ConvertWithParser(text.ToString(), cancellationToken);
        }
        catch (Exception ex) when (ex is FileNotFoundException or FileLoadException or BadImageFormatException)
        {
            // The YAML parser ships beside the generator (analyzers/dotnet/cs/YamlDotNet.dll); a broken install says so
            // instead of failing the whole generator. Not cached: the next build may have it.
            return new Conversion(default, new Problem(
                $"the YAML parser (YamlDotNet) could not be loaded from beside the generator ({FirstLine(ex.Message)}); restore the FactorialGen package again, or add the JSON form of the document", 0, 0));
        }

        if (key is null)
        {
            return conversion;
        }

        lock (CacheGate)
        {
            Cache.AddFirst(new KeyValuePair<string, Conversion>(key, conversion));
            while (Cache.Count > CacheSize)
            {
                Cache.RemoveLast();
            }
        }

        return conversion;
    }

    private static string? CacheKey(SourceText text)
    {
        var checksum = text.GetChecksum();
        return checksum.IsDefaultOrEmpty ? null : $"{text.Length}:{text.ChecksumAlgorithm}:{System.Convert.ToBase64String([.. checksum])}";
    }

    [MethodImpl(MethodImplOptions.NoInlining)] // YamlDotNet loads only here, so the caller can catch a failed load
    private static Conversion ConvertWithParser(string yaml, CancellationToken cancellationToken)
    {
        Node root;
        long nodes;
        try
        {
            (root, nodes) = YamlEventReader.Read(yaml, cancellationToken);
        }
        catch (YamlProblemException ex)
        {
            return new Conversion(default, ex.Problem);
        }

        using var stream = new MemoryStream(yaml.Length + (yaml.Length / 4));
        try
        {
            using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true }))
            {
                new JsonEmitter(writer, nodes, yaml.Length, cancellationToken).Write(root, depth: 0);
            }
        }
        catch (YamlProblemException ex)
        {
            return new Conversion(default, ex.Problem);
        }

        return new Conversion(stream.ToArray(), null); // exactly the JSON: the cache keeps no spare capacity
    }

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return (end >= 0 ? message.Substring(0, end) : message).TrimEnd('.');
    }

    /// <summary>A YAML node as the event stream described it; an alias is the very node its anchor named.</summary>
    internal abstract class Node(int line, int column)
    {
        public int Line { get; } = line;

        public int Column { get; } = column;
    }

    internal sealed class ScalarNode(int line, int column, string value, bool plain, string? tag) : Node(line, column)
    {
        public string Value { get; } = value;

        /// <summary>A plain (unquoted, not block) scalar: the core schema resolves its type.</summary>
        public bool Plain { get; } = plain;

        /// <summary>The resolved tag, or <c>null</c> when there is none.</summary>
        public string? Tag { get; } = tag;
    }

    internal sealed class SequenceNode(int line, int column) : Node(line, column)
    {
        public List<Node> Items { get; } = [];
    }

    internal sealed class MappingNode(int line, int column) : Node(line, column)
    {
        public List<KeyValuePair<Node, Node>> Entries { get; } = [];
    }

    internal sealed class YamlProblemException(Problem problem) : Exception(problem.Message)
    {
        public Problem Problem { get; } = problem;

        public static YamlProblemException At(Node node, string message) => new(new Problem(message, node.Line, node.Column));
    }

    internal static string Shorten(string value) => value.Length <= 60 ? value : value.Substring(0, 57) + "...";

    private sealed class ReferenceComparer : IEqualityComparer<MappingNode>
    {
        public static readonly ReferenceComparer Instance = new();

        public bool Equals(MappingNode? x, MappingNode? y) => ReferenceEquals(x, y);

        public int GetHashCode(MappingNode obj) => RuntimeHelpers.GetHashCode(obj);
    }
}
