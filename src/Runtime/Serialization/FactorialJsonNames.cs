using System;
using System.ComponentModel;
using System.Text;
using System.Text.Json;

namespace FactorialGen.Runtime.Generated;

/// <summary>
/// The JSON property names of one generated model: finds which one a <see cref="Utf8JsonReader"/> is on, and hands
/// out their encoded forms for writing. An unescaped name is compared only with the names of its byte length.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class FactorialJsonNames
{
    private readonly string[] _names;
    private Table? _table;

    /// <summary>Creates the table; a name's position is its index.</summary>
    /// <param name="names">The JSON names, in the model's field order.</param>
    public FactorialJsonNames(params string[] names)
    {
        ArgumentNullException.ThrowIfNull(names);
        _names = names;
    }

    /// <summary>How many names there are.</summary>
    public int Count => _names.Length;

    /// <summary>The name at <paramref name="index"/> as given.</summary>
    internal string Name(int index) => _names[index];

    /// <summary>The name at <paramref name="index"/>, encoded for <see cref="Utf8JsonWriter.WritePropertyName(JsonEncodedText)"/>.</summary>
    /// <param name="index">The name's position.</param>
    public JsonEncodedText this[int index] => (_table ?? Build()).Encoded[index];

    /// <summary>
    /// The position of the property name the reader is on (the first one, should a name repeat), or -1 for a name
    /// this table does not hold. Escaped names and names split over buffers are compared unescaped.
    /// </summary>
    /// <param name="reader">A reader on a <see cref="JsonTokenType.PropertyName"/> (or a string).</param>
    public int IndexOf(ref Utf8JsonReader reader) => IndexOf(ref reader, -1);

    /// <summary>
    /// <see cref="IndexOf(ref Utf8JsonReader)"/>, trying the name at <paramref name="expected"/> first: an answer
    /// usually lists its fields in the document's order, so passing the position after the last one found makes
    /// most lookups a single comparison. The result does not depend on <paramref name="expected"/>.
    /// </summary>
    /// <param name="reader">A reader on a <see cref="JsonTokenType.PropertyName"/>.</param>
    /// <param name="expected">The position to try first; any value (out of range: none).</param>
    public int IndexOf(ref Utf8JsonReader reader, int expected)
    {
        var table = _table ?? Build();
        var utf8 = table.Utf8;
        if (!reader.ValueIsEscaped && !reader.HasValueSequence)
        {
            var name = reader.ValueSpan;
            if ((uint)expected < (uint)utf8.Length && name.SequenceEqual(utf8[expected]))
            {
                return table.First[expected];
            }

            var starts = table.Starts;
            var length = name.Length;
            if (length >= starts.Length - 1)
            {
                return -1;
            }

            var order = table.Order;
            for (int i = starts[length], end = starts[length + 1]; i < end; i++)
            {
                var position = order[i];
                if (name.SequenceEqual(utf8[position]))
                {
                    return position;
                }
            }

            return -1;
        }

        for (var i = 0; i < utf8.Length; i++)
        {
            if (reader.ValueTextEquals(utf8[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// <see cref="IndexOf(ref Utf8JsonReader, int)"/>, then moves the reader on to the property's value (which the caller
    /// reads, or skips for -1).
    /// </summary>
    /// <param name="reader">A reader on a <see cref="JsonTokenType.PropertyName"/>.</param>
    /// <param name="expected">The position to try first.</param>
    public int ReadName(ref Utf8JsonReader reader, int expected)
    {
        var position = IndexOf(ref reader, expected);
        reader.Read();
        return position;
    }

    /// <summary>
    /// Moves <paramref name="reader"/> to the next field of the object being read: reads the field's name, leaves the
    /// reader on its value (which the caller reads, or skips for -1) and sets <paramref name="position"/> to the name's
    /// position, trying the one after the previous <paramref name="position"/> first (the fields of an answer usually
    /// come in the document's order). Returns <see langword="false"/> at the end of the object. One call for the loop of
    /// a generated converter: less for the compiler to bind than the loop's condition and name reading written out.
    /// </summary>
    /// <param name="reader">A reader inside an object, before a property name or the object's end.</param>
    /// <param name="position">The previous field's position (-1 before the first field, or after an unknown one); set to this field's.</param>
    public bool ReadNextField(ref Utf8JsonReader reader, ref int position)
    {
        if (!reader.Read() || reader.TokenType == JsonTokenType.EndObject)
        {
            return false;
        }

        position = ReadName(ref reader, position + 1);
        return true;
    }

    // Built on first use, not when the converter is made: a document's resolver makes every converter up front.
    private Table Build()
    {
        var table = new Table(_names);
        _table = table;
        return table;
    }

    private sealed class Table
    {
        internal readonly byte[][] Utf8;
        internal readonly JsonEncodedText[] Encoded;

        // Positions sorted by byte length (stable); the ones of length n are Order[Starts[n]..Starts[n + 1]].
        internal readonly int[] Order;
        internal readonly int[] Starts;

        // The first position of each position's name (itself, unless the name repeats).
        internal readonly int[] First;

        internal Table(string[] names)
        {
            Utf8 = new byte[names.Length][];
            Encoded = new JsonEncodedText[names.Length];
            var longest = 0;
            for (var i = 0; i < names.Length; i++)
            {
                Utf8[i] = Encoding.UTF8.GetBytes(names[i]);
                Encoded[i] = JsonEncodedText.Encode(names[i]);
                longest = Math.Max(longest, Utf8[i].Length);
            }

            Starts = new int[longest + 2];
            foreach (var bytes in Utf8)
            {
                Starts[bytes.Length + 1]++;
            }

            for (var n = 1; n < Starts.Length; n++)
            {
                Starts[n] += Starts[n - 1];
            }

            First = new int[names.Length];
            for (var i = 0; i < names.Length; i++)
            {
                First[i] = i;
                for (var j = 0; j < i; j++)
                {
                    if (Utf8[j].AsSpan().SequenceEqual(Utf8[i]))
                    {
                        First[i] = j;
                        break;
                    }
                }
            }

            Order = new int[names.Length];
            var next = (int[])Starts.Clone();
            for (var i = 0; i < names.Length; i++)
            {
                Order[next[Utf8[i].Length]++] = i;
            }
        }
    }
}
