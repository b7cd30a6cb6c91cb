using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;

namespace FactorialGen.Testing;

/// <summary>
/// Turns a well-formed JSON answer into a malformed or hostile one, deterministically from a <see cref="Random"/>:
/// structural mutations (drop, rename, duplicate and retype members, unknown enum values, numbers as strings and the
/// reverse) and byte-level damage (truncation, stray or invalid bytes, HTML pages, deep nesting, huge bodies).
/// Shared by the runtime's and the generated clients' fuzz tests (linked into both projects).
/// </summary>
internal static class HostileBodies
{
    private static readonly string[] MediaTypes =
    [
        "text/html; charset=utf-8", "text/plain", "application/problem+json", "application/xml", "application/octet-stream",
        "application/json; charset=iso-8859-1", "application/vnd.api+json", "*/*", "application/json; charset=utf-16", "garbage/;;;",
    ];

    /// <summary>The description of what was done, in order: printed with a failing case.</summary>
    public sealed record Mutation(byte[] Body, string Description);

    /// <summary>Damages <paramref name="json"/> with one to three mutations; <paramref name="hugeBytes"/> is the size of a "huge" body.</summary>
    public static Mutation Mutate(Random random, string json, int hugeBytes)
    {
        var steps = new List<string>();
        var text = json;
        byte[]? bytes = null;
        var count = 1 + random.Next(3);
        for (var i = 0; i < count && bytes is null; i++)
        {
            var roll = random.Next(100);
            if (roll < 45)
            {
                text = MutateTreeOrText(random, text, steps);
            }
            else if (roll < 85)
            {
                text = MutateText(random, text, steps);
            }
            else
            {
                bytes = MutateBytes(random, text, hugeBytes, steps);
            }
        }

        return new Mutation(bytes ?? Encoding.UTF8.GetBytes(text), string.Join("; ", steps));
    }

    /// <summary>A Content-Type: mostly JSON, sometimes something else, sometimes none.</summary>
    public static string? MediaType(Random random) => random.Next(100) switch
    {
        < 75 => "application/json; charset=utf-8",
        < 80 => null,
        < 83 => "application/json",
        _ => MediaTypes[random.Next(MediaTypes.Length)],
    };

    private static string MutateTreeOrText(Random random, string text, List<string> steps)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(text);
            return MutateTree(random, text, root, steps);
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidOperationException or ArgumentException)
        {
            return MutateText(random, text, steps); // already broken by an earlier step
        }
    }

    private static string MutateTree(Random random, string text, JsonNode? root, List<string> steps)
    {

        if (root is null)
        {
            steps.Add("root was null: replaced by {}");
            return "{}";
        }

        var containers = Containers(root).ToList();
        var target = containers[random.Next(containers.Count)];
        switch (random.Next(8))
        {
            case 0 when target is JsonObject o && o.Count > 0:
            {
                var name = o.ElementAt(random.Next(o.Count)).Key;
                o.Remove(name);
                steps.Add($"dropped '{name}'");
                break;
            }

            case 1 when target is JsonObject o && o.Count > 0:
            {
                var (name, value) = o.ElementAt(random.Next(o.Count));
                var replacement = HostileValue(random, value);
                o[name] = replacement.Node;
                steps.Add($"'{name}' became {replacement.Description}");
                break;
            }

            case 2 when target is JsonObject o && o.Count > 0:
            {
                var (name, value) = o.ElementAt(random.Next(o.Count));
                var renamed = random.Next(3) switch { 0 => name.ToUpperInvariant(), 1 => name + " ", _ => "x" + name };
                o.Remove(name);
                if (!o.ContainsKey(renamed))
                {
                    o[renamed] = value;
                }

                steps.Add($"renamed '{name}' to '{renamed}'");
                break;
            }

            case 3 when target is JsonArray a && a.Count > 0:
            {
                var index = random.Next(a.Count);
                var replacement = HostileValue(random, a[index]);
                a[index] = replacement.Node;
                steps.Add($"item {index} became {replacement.Description}");
                break;
            }

            case 4 when target is JsonArray a:
            {
                a.Add(random.Next(2) == 0 ? null : JsonValue.Create("stray"));
                steps.Add("appended a null or a string to an array");
                break;
            }

            case 5 when target is JsonObject o && o.Count > 0:
            {
                // Enum members and other strings: a value the schema does not list.
                var name = o.Where(p => p.Value is JsonValue v && v.TryGetValue<string>(out _)).Select(p => p.Key).FirstOrDefault();
                if (name is not null)
                {
                    o[name] = random.Next(2) == 0 ? "quarter_of_day" : string.Empty;
                    steps.Add($"'{name}' got an unlisted value");
                }

                break;
            }

            case 6:
            {
                // Numbers where the document says strings, and the reverse.
                foreach (var o in Containers(root).OfType<JsonObject>().ToList())
                {
                    foreach (var name in o.Select(p => p.Key).ToList())
                    {
                        if (o[name] is JsonValue v && v.TryGetValue<string>(out var s) && long.TryParse(s, out var n))
                        {
                            o[name] = n;
                        }
                        else if (o[name] is JsonValue w && w.TryGetValue<double>(out var d))
                        {
                            o[name] = d.ToString(CultureInfo.InvariantCulture);
                        }
                    }
                }

                steps.Add("swapped numbers and numeric strings everywhere");
                break;
            }

            default:
            {
                var replacement = random.Next(4) switch
                {
                    0 => ("null", "null root"),
                    1 => ("\"text\"", "string root"),
                    2 => ("42", "number root"),
                    _ => (random.Next(2) == 0 ? $"[{text}]" : $"{{\"data\": {text}}}", "wrapped root"),
                };
                steps.Add(replacement.Item2);
                return replacement.Item1;
            }
        }

        return root.ToJsonString();
    }

    private static (JsonNode? Node, string Description) HostileValue(Random random, JsonNode? old) => random.Next(16) switch
    {
        0 => (null, "null"),
        1 => (JsonValue.Create(-1), "-1"),
        2 => (JsonValue.Create("123"), "\"123\""),
        3 => (JsonValue.Create(123), "123"),
        4 => (JsonValue.Create(true), "true"),
        5 => (new JsonObject(), "{}"),
        6 => (new JsonArray(), "[]"),
        7 => (JsonValue.Create(1.5e308), "1.5e308"),
        8 => (JsonValue.Create(decimal.MaxValue), "decimal.MaxValue"),
        9 => (JsonValue.Create("not a date"), "\"not a date\""),
        10 => (JsonValue.Create("2026-02-30T25:61:00Z"), "an impossible date"),
        11 => (JsonValue.Create(new string('x', 10_000)), "a 10,000-character string"),
        12 => (JsonValue.Create("\u0000\uFFFF\u202E"), "control and direction characters"),
        13 => (JsonValue.Create(string.Empty), "\"\""),
        14 => (new JsonArray(old?.DeepClone()), "the value wrapped in an array"),
        _ => (new JsonObject { ["value"] = old?.DeepClone() }, "the value wrapped in an object"),
    };

    private static string MutateText(Random random, string text, List<string> steps)
    {
        switch (random.Next(13))
        {
            case 0:
            case 1:
            {
                var at = text.Length == 0 ? 0 : random.Next(text.Length);
                steps.Add($"truncated at {at} of {text.Length}");
                return text[..at];
            }

            case 2:
            {
                var at = random.Next(text.Length + 1);
                var stray = "{}[],:\"\\x0-eE+.'/\n"[random.Next(18)];
                steps.Add($"inserted '{stray}' at {at}");
                return text.Insert(at, stray.ToString());
            }

            case 3 when text.StartsWith('{'):
            {
                steps.Add("duplicated a member");
                return "{\"id\": \"duplicate\", \"id\": 1, " + text[1..];
            }

            case 4:
                steps.Add("HTML error page");
                return "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>";
            case 5:
                steps.Add("empty body");
                return random.Next(2) == 0 ? string.Empty : " \r\n\t ";
            case 6:
                steps.Add("comments and trailing commas");
                return "/* hi */ " + text.Replace("}", ",}", StringComparison.Ordinal).Replace("]", ",]", StringComparison.Ordinal);
            case 7:
            {
                steps.Add("non-JSON numbers");
                var word = new[] { "NaN", "Infinity", "-Infinity", "0x1F", "01", "1e400", "99999999999999999999999999" }[random.Next(7)];
                return text.Replace("7", word, StringComparison.Ordinal);
            }

            case 8:
            {
                var depth = 100 + random.Next(5_000);
                steps.Add($"nested {depth} deep");
                return random.Next(2) == 0
                    ? new string('[', depth) + new string(']', depth)
                    : string.Concat(Enumerable.Repeat("{\"nested\":", depth)) + "1" + new string('}', depth);
            }

            case 9:
                steps.Add("single quotes");
                return text.Replace('"', '\'');
            case 10:
                steps.Add("two documents");
                return text + text;
            case 11:
                steps.Add("a lone surrogate escape in a string");
                return text.Replace("\"Ana\"", "\"\\ud800\"", StringComparison.Ordinal).Replace("\"x\"", "\"\\udfff\\ud800\"", StringComparison.Ordinal);
            default:
                steps.Add("JSON null");
                return "null";
        }
    }

    private static byte[] MutateBytes(Random random, string text, int hugeBytes, List<string> steps)
    {
        var utf8 = Encoding.UTF8.GetBytes(text);
        switch (random.Next(5))
        {
            case 0:
            {
                var at = random.Next(utf8.Length + 1);
                steps.Add($"invalid UTF-8 at {at}");
                return [.. utf8[..at], 0xC3, 0x28, 0xFF, .. utf8[at..]];
            }

            case 1:
                steps.Add("byte-order mark");
                return [0xEF, 0xBB, 0xBF, .. utf8];
            case 2:
                steps.Add("UTF-16 encoded");
                return Encoding.Unicode.GetBytes(text);
            case 3:
            {
                var size = hugeBytes + random.Next(hugeBytes);
                steps.Add($"huge list of {size} bytes");
                var item = "{\"id\":1,\"name\":\"x\"},";
                var builder = new StringBuilder(size + 64).Append("{\"data\":[");
                while (builder.Length < size)
                {
                    builder.Append(item);
                }

                return Encoding.UTF8.GetBytes(builder.Append("{\"id\":2,\"name\":\"y\"}],\"meta\":{\"has_next_page\":false}}").ToString());
            }

            default:
            {
                var size = hugeBytes + random.Next(hugeBytes);
                steps.Add($"huge string of {size} bytes");
                return Encoding.UTF8.GetBytes("{\"id\":1,\"name\":\"" + new string('a', size) + "\"}");
            }
        }
    }

    private static IEnumerable<JsonNode> Containers(JsonNode node)
    {
        yield return node;
        IEnumerable<JsonNode?> children = node switch
        {
            JsonObject o => o.Select(p => p.Value),
            JsonArray a => a,
            _ => [],
        };
        foreach (var child in children)
        {
            if (child is JsonObject or JsonArray)
            {
                foreach (var inner in Containers(child))
                {
                    yield return inner;
                }
            }
        }
    }
}
