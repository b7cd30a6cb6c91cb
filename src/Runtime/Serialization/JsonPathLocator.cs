using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace FactorialGen.Serialization;

/// <summary>
/// Finds the JSON path (<c>$.data[3].birth_date</c>) of the value whose token starts at a byte offset, by reading the
/// body again. Only error paths call it: the body that failed is still in its buffer.
/// </summary>
internal static class JsonPathLocator
{
    private const int MaxDepth = 256;

    /// <summary>The path of the value starting at <paramref name="offset"/>, or <see langword="null"/> when no value starts there.</summary>
    public static string? Find(ReadOnlySpan<byte> json, long offset)
    {
        if (offset < 0 || offset >= json.Length)
        {
            return null;
        }

        var frames = new List<Frame>();
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = MaxDepth, CommentHandling = JsonCommentHandling.Skip });
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        frames[^1] = frames[^1] with { Name = reader.GetString() };
                        continue;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        frames.RemoveAt(frames.Count - 1);
                        continue;
                }

                if (frames.Count > 0 && frames[^1].IsArray)
                {
                    frames[^1] = frames[^1] with { Index = frames[^1].Index + 1 };
                }

                if (reader.TokenStartIndex == offset)
                {
                    return Format(frames);
                }

                if (reader.TokenStartIndex > offset)
                {
                    return null;
                }

                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    frames.Add(new Frame(reader.TokenType == JsonTokenType.StartArray, -1, null));
                }
            }
        }
        catch (JsonException)
        {
            // The value lies beyond the point where the body stops being JSON.
        }
        catch (InvalidOperationException)
        {
            // A property name that is not valid UTF-8.
        }

        return null;
    }

    /// <summary>Appends a path relative to a value (<c>$.id</c> from System.Text.Json) to that value's path.</summary>
    public static string Combine(string basePath, string? relative) =>
        string.IsNullOrEmpty(relative) || relative == "$" ? basePath
        : relative.StartsWith('$') ? basePath + relative[1..]
        : basePath;

    private static string Format(List<Frame> frames)
    {
        var path = new StringBuilder("$");
        foreach (var frame in frames)
        {
            if (frame.IsArray)
            {
                path.Append('[').Append(frame.Index.ToString(CultureInfo.InvariantCulture)).Append(']');
            }
            else if (frame.Name is { } name)
            {
                if (IsPlain(name))
                {
                    path.Append('.').Append(name);
                }
                else
                {
                    path.Append("['");
                    AppendQuoted(path, name);
                    path.Append("']");
                }
            }
        }

        return path.ToString();
    }

    private static void AppendQuoted(StringBuilder path, string name)
    {
        const int MaxShown = 100; // a hostile server's megabyte-long name does not become a megabyte-long message
        for (var i = 0; i < name.Length && i < MaxShown; i++)
        {
            var c = name[i];
            if (c is '\\' or '\'')
            {
                path.Append('\\').Append(c);
            }
            else if (char.IsControl(c) || char.IsSurrogate(c) || c is '\u2028' or '\u2029')
            {
                path.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                path.Append(c);
            }
        }

        if (name.Length > MaxShown)
        {
            path.Append('…');
        }
    }

    private static bool IsPlain(string name)
    {
        if (name.Length == 0 || name.Length > 100)
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '$'))
            {
                return false;
            }
        }

        return true;
    }

    private readonly record struct Frame(bool IsArray, int Index, string? Name);
}
