using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using static FactorialGen.Generator.Parsing.YamlDocumentConverter;

namespace FactorialGen.Generator.Parsing;

/// <summary>
/// Reads one YAML document from YamlDotNet's event stream into light nodes (no YamlDotNet object model): anchors name
/// finished nodes, an alias is the node its anchor named. The only type that touches YamlDotNet, so the parser's
/// assembly loads only when a YAML document is read.
/// </summary>
internal static class YamlEventReader
{
    /// <summary>Reads the single document of <paramref name="yaml"/>; throws <see cref="YamlProblemException"/> on the first problem.</summary>
    public static (Node Root, long NodeCount) Read(string yaml, CancellationToken cancellationToken)
    {
        var scanner = new Scanner(new StringReader(yaml));
        var parser = new Parser(scanner);
        var anchors = new Dictionary<string, Node>(StringComparer.Ordinal);
        var open = new Stack<Node>();
        var pendingKeys = new Stack<Node?>();
        var openAnchors = new Stack<AnchorName>();
        Node? root = null;
        var documents = 0;
        long count = 0;

        try
        {
            while (parser.MoveNext())
            {
                if ((++count & 0xFFF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                var current = parser.Current!;
                switch (current)
                {
                    case DocumentStart:
                        if (++documents > 1)
                        {
                            throw Located(current, "the file holds more than one YAML document (a second '---'); an OpenAPI document is exactly one");
                        }

                        break;
                    case Scalar scalar:
                        Add(new ScalarNode(Line(current), Column(current), scalar.Value, scalar.Style == ScalarStyle.Plain, TagOf(scalar.Tag)), scalar.Anchor);
                        break;
                    case AnchorAlias alias:
                        if (!anchors.TryGetValue(alias.Value.Value, out var target))
                        {
                            throw Located(current, $"the alias '*{Shorten(alias.Value.Value)}' names no anchor defined before it");
                        }

                        Add(target, AnchorName.Empty);
                        break;
                    case SequenceStart sequence:
                        Push(new SequenceNode(Line(current), Column(current)));
                        PendingAnchor(sequence.Anchor);
                        break;
                    case MappingStart mapping:
                        Push(new MappingNode(Line(current), Column(current)));
                        PendingAnchor(mapping.Anchor);
                        break;
                    case SequenceEnd:
                    case MappingEnd:
                        var done = open.Pop();
                        pendingKeys.Pop();
                        var anchor = openAnchors.Pop();
                        Add(done, anchor);
                        break;
                }
            }
        }
        catch (YamlException ex)
        {
            // The scanner's Start is where the construct began and End where it found the problem; the parser's Start
            // is the token it did not expect. A few scanner errors carry no position: then it is where the scanner stopped.
            var located = ex.Start.Index != 0 || ex.End.Index != 0;
            var at = !located ? scanner.CurrentPosition : ex is SyntaxErrorException ? ex.End : ex.Start;
            var from = located && (at.Line != ex.Start.Line || at.Column != ex.Start.Column) ? $" (in what starts at line {ex.Start.Line}, column {ex.Start.Column})" : string.Empty;
            throw new YamlProblemException(new Problem(
                $"invalid YAML at line {at.Line}, column {at.Column}: {Reason(ex)}{from}",
                ToIndex(at.Line),
                ToIndex(at.Column)));
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not YamlProblemException)
        {
            // Not a YAML error the parser meant to report; still the document's problem, never the generator's crash.
            var at = scanner.CurrentPosition;
            throw new YamlProblemException(new Problem(
                $"the YAML parser stopped at line {at.Line}, column {at.Column}: {ex.GetType().Name}: {ex.Message}",
                ToIndex(at.Line),
                ToIndex(at.Column)));
        }

        if (root is null)
        {
            throw new YamlProblemException(new Problem("the file holds no YAML document", 0, 0));
        }

        return (root, count);

        void Push(Node node)
        {
            if (open.Count >= MaxDepth)
            {
                throw YamlProblemException.At(node, $"mappings and sequences nest deeper than {MaxDepth} levels");
            }

            open.Push(node);
            pendingKeys.Push(null);
        }

        void PendingAnchor(AnchorName anchor) => openAnchors.Push(anchor);

        void Add(Node node, AnchorName anchor)
        {
            // An anchor names the node once it is complete: an alias inside its own anchored node finds nothing, so
            // the tree has no cycles.
            if (!anchor.IsEmpty)
            {
                anchors[anchor.Value] = node;
            }

            if (open.Count == 0)
            {
                root = node;
                return;
            }

            switch (open.Peek())
            {
                case SequenceNode sequence:
                    sequence.Items.Add(node);
                    break;
                case MappingNode mapping:
                    var key = pendingKeys.Pop();
                    if (key is null)
                    {
                        pendingKeys.Push(node);
                    }
                    else
                    {
                        mapping.Entries.Add(new KeyValuePair<Node, Node>(key, node));
                        pendingKeys.Push(null);
                    }

                    break;
            }
        }
    }

    private static string? TagOf(TagName tag) => tag.IsEmpty ? null : tag.IsNonSpecific ? "!" : tag.Value;

    private static int Line(ParsingEvent e) => ToIndex(e.Start.Line);

    private static int Column(ParsingEvent e) => ToIndex(e.Start.Column);

    private static int ToIndex(long oneBased) => (int)Math.Max(0, Math.Min(int.MaxValue, oneBased - 1));

    private static YamlProblemException Located(ParsingEvent e, string message) => new(new Problem(message, Line(e), Column(e)));

    /// <summary>YamlDotNet's message without its "(Line: 3, Col: 5, Idx: 20) - (…): " prefix.</summary>
    private static string Reason(YamlException ex)
    {
        var message = ex.Message;
        var start = message.IndexOf("): ", StringComparison.Ordinal);
        if (message.StartsWith("(", StringComparison.Ordinal) && start > 0)
        {
            message = message.Substring(start + 3);
        }

        return message.Trim().TrimEnd('.');
    }
}
