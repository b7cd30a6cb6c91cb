using System;

namespace FactorialGen;

/// <summary>
/// Keeps path values in their one segment. Values are escaped with <see cref="Uri.EscapeDataString(string)"/>
/// (<c>/</c>, <c>?</c>, <c>#</c>, <c>%</c>, spaces and non-ASCII become <c>%XX</c>), which leaves two ways to address
/// another resource: an empty value (<c>leaves/</c>: the collection) and a dot segment (<c>leaves/..</c>, also written
/// <c>%2E%2E</c>: the parent, RFC 3986 §5.2.4), which <see cref="Uri"/> resolves before anything is sent. Both are
/// refused with an <see cref="ArgumentException"/> that names the parameter.
/// </summary>
internal static class FactorialPathSegments
{
    /// <summary>Refuses a value that cannot stand as one path segment; <paramref name="paramName"/> names it in the error.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is empty, <c>.</c> or <c>..</c>.</exception>
    public static void ThrowIfNotSegment(string? value, string paramName)
    {
        ArgumentException.ThrowIfNullOrEmpty(value, paramName);
        if (value is "." or "..") // a value is escaped afterwards: "%2E" becomes "%252E", which is no dot
        {
            throw DotSegment(value, paramName);
        }
    }

    /// <summary>
    /// Refuses a request whose path has an empty or dot segment where its <see cref="FactorialRequest.PathTemplate"/>
    /// has a placeholder (the error names the placeholder), and any dot segment at all. Allocation-free when the path is fine.
    /// </summary>
    /// <exception cref="ArgumentException">The path would address another resource than the one meant.</exception>
    public static void ThrowIfUnsafe(FactorialRequest request)
    {
        var path = request.Path.AsSpan();
        var end = path.IndexOfAny('?', '#');
        if (end >= 0)
        {
            path = path[..end];
        }

        var index = 0;
        var position = path.Length > 0 && path[0] == '/' ? 1 : 0;
        while (true)
        {
            var slash = path[position..].IndexOf('/');
            var segment = slash < 0 ? path[position..] : path.Slice(position, slash);
            var empty = segment.IsEmpty && (slash >= 0 || position > 0); // "a//b" or a trailing "/"
            if (empty || IsDotSegment(segment))
            {
                Refuse(request, index, segment.ToString(), trailing: empty && slash < 0);
            }

            if (slash < 0)
            {
                return;
            }

            position += slash + 1;
            index++;
        }
    }

    private static void Refuse(FactorialRequest request, int index, string segment, bool trailing)
    {
        var placeholder = TemplateSegment(request.PathTemplate, index);
        if (placeholder is not null && placeholder == segment)
        {
            return; // the template itself has this segment
        }

        var open = placeholder?.IndexOf('{', StringComparison.Ordinal) ?? -1;
        var close = open >= 0 ? placeholder!.IndexOf('}', open) : -1;
        if (close > open + 1)
        {
            var name = placeholder![(open + 1)..close];
            if (segment.Length == 0 || placeholder == $"{{{name}}}")
            {
                throw segment.Length == 0
                    ? new ArgumentException($"The value cannot be an empty string: as the path segment of '{{{name}}}' it would address the collection instead of one item.", name)
                    : DotSegment(segment, name);
            }
        }

        if (IsDotSegment(segment))
        {
            throw new ArgumentException($"The request path '{request.PathTemplate ?? request.Path}' has a dot segment ('{segment}'), which would address another resource (RFC 3986 §5.2.4). Escape path values with Uri.EscapeDataString and refuse '.' and '..'.", nameof(request));
        }

        if (trailing && request.PathTemplate is null)
        {
            // No Factorial path ends with '/': this is a path built as "…/" + id with an empty id.
            throw new ArgumentException(
                $"The request path '{request.Path}' ends with '/': its last segment is empty, so it would address the collection instead of one item (was an id empty?). Give the id, or leave out the trailing '/'.",
                nameof(request));
        }

        // An empty segment inside a path without a placeholder there: the caller's own literal path.
    }

    private static string? TemplateSegment(string? template, int index)
    {
        if (template is null)
        {
            return null;
        }

        var segments = template.Split('?', '#')[0].Split('/');
        var offset = template.StartsWith('/') ? 1 : 0;
        return index + offset < segments.Length ? segments[index + offset] : null;
    }

    private static ArgumentException DotSegment(string value, string paramName) =>
        new($"The value cannot be '{value}': as a path segment it would address {(value.Length == 1 || value.Equals("%2e", StringComparison.OrdinalIgnoreCase) ? "the collection" : "the parent resource")} instead of one item (RFC 3986 dot segment).", paramName);

    /// <summary><c>.</c> or <c>..</c>, each dot possibly written <c>%2E</c> (which <see cref="Uri"/> decodes and resolves).</summary>
    private static bool IsDotSegment(ReadOnlySpan<char> segment)
    {
        if (segment.Length is 0 or > 6)
        {
            return false;
        }

        var dots = 0;
        for (var i = 0; i < segment.Length; i++)
        {
            if (segment[i] == '.')
            {
                dots++;
            }
            else if (segment[i] == '%' && i + 2 < segment.Length && segment[i + 1] == '2' && segment[i + 2] is 'e' or 'E')
            {
                dots++;
                i += 2;
            }
            else
            {
                return false;
            }
        }

        return dots is 1 or 2;
    }
}
