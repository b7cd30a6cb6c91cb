using System;
using System.Buffers;
using System.Text;
using System.Text.Json;
using FactorialGen.Runtime.Generated;

namespace FactorialGen.Tests;

/// <summary>
/// <see cref="FactorialJsonNames"/>, the table generated converters find their fields in: a name is found whether it
/// comes plain, escaped (<c>\u0069d</c>) or split over buffers, whatever position is tried first; names of one byte
/// length do not shadow each other; an unknown name is -1; a repeated name answers its first position; and the
/// encoded names are the ones written.
/// </summary>
public sealed class JsonNameTableTests
{
    private static readonly FactorialJsonNames Names = new("id", "name", "full_name", "ab", "cd", "état");

    [Theory]
    [InlineData("id", 0)]
    [InlineData("name", 1)]
    [InlineData("full_name", 2)]
    [InlineData("ab", 3)]
    [InlineData("cd", 4)]
    [InlineData("état", 5)]
    [InlineData("\\u0069d", 0)]
    [InlineData("n\\u0061me", 1)]
    [InlineData("\\u00e9tat", 5)]
    [InlineData("ac", -1)]
    [InlineData("idd", -1)]
    [InlineData("", -1)]
    [InlineData("a_name_longer_than_every_name_of_the_table", -1)]
    [InlineData("\\u0069x", -1)]
    public void A_name_is_found_at_its_position_whatever_is_tried_first(string json, int expected)
    {
        for (var hint = -2; hint <= 7; hint++)
        {
            Assert.Equal(expected, IndexOf(Names, json, hint, segmented: false));
            Assert.Equal(expected, IndexOf(Names, json, hint, segmented: true));
        }

        Assert.Equal(expected, IndexOf(Names, json, null, segmented: false));
    }

    [Fact]
    public void ReadNextField_walks_the_fields_of_an_object_and_stops_at_its_end()
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes("""[{"name":"a","unknown":{"id":9},"\u0069d":7,"cd":[1,2]},"after"]"""));
        Assert.True(reader.Read());
        Assert.True(reader.Read()); // the object's start, as a converter gets it
        var seen = new System.Collections.Generic.List<(int Position, string Value)>();
        var position = -1;
        while (Names.ReadNextField(ref reader, ref position))
        {
            if (position < 0)
            {
                reader.Skip();
            }

            seen.Add((position, position < 0 ? "skipped" : Encoding.UTF8.GetString(reader.ValueSpan)));
            if (position == 4)
            {
                reader.Skip(); // the array
            }
        }

        Assert.Equal([(1, "a"), (-1, "skipped"), (0, "7"), (4, "[")], seen);
        Assert.Equal(JsonTokenType.EndObject, reader.TokenType);
        Assert.True(reader.Read());
        Assert.Equal("after", reader.GetString()); // nothing past the object was read
    }

    [Fact]
    public void ReadNextField_on_an_empty_object_reads_no_field()
    {
        var reader = new Utf8JsonReader("{}"u8);
        Assert.True(reader.Read());
        var position = -1;

        Assert.False(Names.ReadNextField(ref reader, ref position));
        Assert.Equal(-1, position);
        Assert.Equal(JsonTokenType.EndObject, reader.TokenType);
    }

    [Fact]
    public void A_repeated_name_answers_its_first_position()
    {
        var names = new FactorialJsonNames("a", "b", "a");
        Assert.Equal(0, IndexOf(names, "a", 2, segmented: false));
        Assert.Equal(0, IndexOf(names, "a", null, segmented: false));
        Assert.Equal(0, IndexOf(names, "\\u0061", 2, segmented: false));
    }

    [Fact]
    public void An_empty_table_finds_nothing()
    {
        var names = new FactorialJsonNames();
        Assert.Equal(0, names.Count);
        Assert.Equal(-1, IndexOf(names, "id", 0, segmented: false));
        Assert.Equal(-1, IndexOf(names, "\\u0069d", 0, segmented: false));
        Assert.Equal(-1, IndexOf(names, "", null, segmented: true));
    }

    [Fact]
    public void The_encoded_names_are_the_ones_written()
    {
        var names = new FactorialJsonNames("id", "a\"b", "<x>");
        Assert.Equal(3, names.Count);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            for (var i = 0; i < names.Count; i++)
            {
                writer.WritePropertyName(names[i]);
                writer.WriteNumberValue(i);
            }

            writer.WriteEndObject();
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        Assert.Equal(0, document.RootElement.GetProperty("id").GetInt32());
        Assert.Equal(1, document.RootElement.GetProperty("a\"b").GetInt32());
        Assert.Equal(2, document.RootElement.GetProperty("<x>").GetInt32());
        Assert.Throws<IndexOutOfRangeException>(() => names[3]);
    }

    // Reads {"<json>": 0} up to the property name; segmented splits the bytes into one-byte buffers, so the name
    // comes as a value sequence.
    private static int IndexOf(FactorialJsonNames names, string json, int? hint, bool segmented)
    {
        var bytes = Encoding.UTF8.GetBytes("{\"" + json + "\": 0}");
        var reader = segmented ? new Utf8JsonReader(Split(bytes)) : new Utf8JsonReader(bytes);
        Assert.True(reader.Read());
        Assert.True(reader.Read());
        Assert.Equal(JsonTokenType.PropertyName, reader.TokenType);
        return hint is { } expected ? names.IndexOf(ref reader, expected) : names.IndexOf(ref reader);
    }

    private static ReadOnlySequence<byte> Split(byte[] bytes)
    {
        var first = new Segment(bytes.AsMemory(0, 1), 0);
        var last = first;
        for (var i = 1; i < bytes.Length; i++)
        {
            last = last.Append(bytes.AsMemory(i, 1));
        }

        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
