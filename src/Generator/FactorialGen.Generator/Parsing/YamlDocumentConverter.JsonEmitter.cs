using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading;
using Microsoft.CodeAnalysis.Text;

namespace FactorialGen.Generator.Parsing;

// YamlDocumentConverter, part 2: writing the parsed YAML nodes as JSON (YAML 1.2 core schema for plain scalars, merge
// keys, aliases counted against the node and size limits).
internal static partial class YamlDocumentConverter
{
    /// <summary>Writes the node tree as JSON: scalars typed by the core schema, aliases and merge keys expanded within budget.</summary>
    private sealed class JsonEmitter(Utf8JsonWriter writer, long parsedNodes, int inputChars, CancellationToken cancellationToken)
    {
        private const string CoreTag = "tag:yaml.org,2002:";

        private readonly Dictionary<MappingNode, List<KeyValuePair<string, Node>>> _entries = new(ReferenceComparer.Instance);
        private readonly Stack<HashSet<string>> _keySets = new();
        private long _nodesLeft = parsedNodes + MaxAliasNodes; // each node of the file once, plus what aliases add
        private long _charsLeft = (long)inputChars + MaxOutputChars;
        private long _visited;

        public void Write(Node node, int depth)
        {
            if (--_nodesLeft < 0)
            {
                throw YamlProblemException.At(node, $"aliases expand the document beyond {MaxAliasNodes:N0} extra nodes; expand fewer aliases (is it a \"billion laughs\" document?)");
            }

            if ((++_visited & 0xFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            switch (node)
            {
                case ScalarNode scalar:
                    WriteScalar(scalar);
                    break;
                case SequenceNode sequence:
                    CheckDepth(node, depth);
                    writer.WriteStartArray();
                    foreach (var item in sequence.Items)
                    {
                        Write(item, depth + 1);
                    }

                    writer.WriteEndArray();
                    break;
                case MappingNode mapping:
                    CheckDepth(node, depth);
                    writer.WriteStartObject();
                    foreach (var entry in EntriesOf(mapping, 0))
                    {
                        Spend(entry.Key.Length, mapping);
                        WriteText(entry.Key, mapping, propertyName: true);
                        Write(entry.Value, depth + 1);
                    }

                    writer.WriteEndObject();
                    break;
            }
        }

        private static void CheckDepth(Node node, int depth)
        {
            if (depth >= MaxDepth)
            {
                throw YamlProblemException.At(node, $"mappings and sequences nest deeper than {MaxDepth} levels");
            }
        }

        private void Spend(int chars, Node node)
        {
            _charsLeft -= chars;
            if (_charsLeft < 0)
            {
                throw YamlProblemException.At(node, $"aliases expand the document beyond {MaxOutputChars / (1024 * 1024)} MB of text; expand fewer aliases (is it a \"billion laughs\" document?)");
            }
        }

        private void WriteScalar(ScalarNode scalar)
        {
            Spend(scalar.Value.Length, scalar);
            var tag = scalar.Tag;
            if (tag is not null && tag.StartsWith(CoreTag, StringComparison.Ordinal))
            {
                var type = tag.Substring(CoreTag.Length);
                if (type == "str")
                {
                    WriteText(scalar.Value, scalar, propertyName: false);
                    return;
                }

                if (type is "null" or "bool" or "int" or "float")
                {
                    var kind = CoreSchema.Resolve(scalar.Value, out var json);
                    var matches = type switch
                    {
                        "null" => kind == CoreSchema.Kind.Null,
                        "bool" => kind == CoreSchema.Kind.Bool,
                        "int" => kind == CoreSchema.Kind.Int,
                        _ => kind is CoreSchema.Kind.Int or CoreSchema.Kind.Float or CoreSchema.Kind.NonFinite,
                    };
                    if (!matches)
                    {
                        throw YamlProblemException.At(scalar, $"'{Shorten(scalar.Value)}' is not a valid !!{type}");
                    }

                    WriteResolved(scalar, kind, json);
                    return;
                }
            }

            if (!scalar.Plain || tag == "!")
            {
                WriteText(scalar.Value, scalar, propertyName: false);
                return;
            }

            var resolved = CoreSchema.Resolve(scalar.Value, out var number);
            WriteResolved(scalar, resolved, number);
        }

        private void WriteText(string text, Node at, bool propertyName)
        {
            try
            {
                if (propertyName)
                {
                    writer.WritePropertyName(text);
                }
                else
                {
                    writer.WriteStringValue(text);
                }
            }
            catch (ArgumentException)
            {
                // e.g. "\uD800": a lone UTF-16 surrogate, which no JSON (UTF-8) text can hold
                throw YamlProblemException.At(at, "a scalar holds a character that is not valid Unicode text (a lone surrogate such as \\uD800)");
            }
        }

        private void WriteResolved(ScalarNode scalar, CoreSchema.Kind kind, string? json)
        {
            switch (kind)
            {
                case CoreSchema.Kind.Null:
                    writer.WriteNullValue();
                    break;
                case CoreSchema.Kind.Bool:
                    writer.WriteBooleanValue(scalar.Value[0] is 't' or 'T');
                    break;
                case CoreSchema.Kind.Int:
                case CoreSchema.Kind.Float:
                    writer.WriteRawValue(json!, skipInputValidation: true);
                    break;
                default:
                    WriteText(scalar.Value, scalar, propertyName: false);
                    break;
            }
        }

        /// <summary>The keys and values of a mapping with merge keys applied; duplicate keys are an error.</summary>
        private List<KeyValuePair<string, Node>> EntriesOf(MappingNode mapping, int mergeDepth)
        {
            if (_entries.TryGetValue(mapping, out var known))
            {
                return known;
            }

            if (mergeDepth > MaxDepth)
            {
                throw YamlProblemException.At(mapping, $"merge keys chain deeper than {MaxDepth} mappings");
            }

            var explicitKeys = _keySets.Count > 0 ? _keySets.Pop() : new HashSet<string>(StringComparer.Ordinal);
            var hasMerge = false;
            try
            {
                foreach (var entry in mapping.Entries)
                {
                    if (IsMergeKey(entry.Key))
                    {
                        hasMerge = true;
                        continue;
                    }

                    var key = KeyText(entry.Key);
                    if (!explicitKeys.Add(key))
                    {
                        throw YamlProblemException.At(entry.Key, $"the key '{Shorten(key)}' appears twice in one mapping (YAML keys must be unique)");
                    }
                }

                var entries = new List<KeyValuePair<string, Node>>(mapping.Entries.Count);
                if (!hasMerge)
                {
                    foreach (var entry in mapping.Entries)
                    {
                        entries.Add(new KeyValuePair<string, Node>(KeyText(entry.Key), entry.Value));
                    }
                }
                else
                {
                    var seen = new HashSet<string>(StringComparer.Ordinal);
                    foreach (var entry in mapping.Entries)
                    {
                        if (!IsMergeKey(entry.Key))
                        {
                            var key = KeyText(entry.Key);
                            seen.Add(key);
                            entries.Add(new KeyValuePair<string, Node>(key, entry.Value));
                            continue;
                        }

                        // <<: *a or <<: [*a, *b]: earlier sources win over later ones, explicit keys over all of them.
                        var sources = entry.Value switch
                        {
                            MappingNode single => [single],
                            SequenceNode list => list.Items,
                            _ => throw YamlProblemException.At(entry.Value, "a merge key (<<) takes a mapping or a sequence of mappings"),
                        };
                        foreach (var source in sources)
                        {
                            if (source is not MappingNode sourceMapping)
                            {
                                throw YamlProblemException.At(source, "a merge key (<<) takes a mapping or a sequence of mappings");
                            }

                            foreach (var merged in EntriesOf(sourceMapping, mergeDepth + 1))
                            {
                                if (!explicitKeys.Contains(merged.Key) && seen.Add(merged.Key))
                                {
                                    entries.Add(merged);
                                }
                            }
                        }
                    }
                }

                _entries[mapping] = entries;
                return entries;
            }
            finally
            {
                explicitKeys.Clear();
                _keySets.Push(explicitKeys);
            }
        }

        private static bool IsMergeKey(Node key) =>
            key is ScalarNode { Value: "<<" } scalar && (scalar.Tag == "tag:yaml.org,2002:merge" || (scalar.Plain && scalar.Tag is null));

        private static string KeyText(Node key) => key switch
        {
            ScalarNode scalar => scalar.Value,
            _ => throw YamlProblemException.At(key, "a key is a mapping or a sequence, which JSON cannot hold; use a plain text key"),
        };
    }
}
