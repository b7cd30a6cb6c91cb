using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using FactorialGen.Runtime.Generated;
using FactorialGen.Serialization;

namespace FactorialGen.Tests;

/// <summary>
/// <see cref="FactorialJsonResolver"/> and the converter bases generated code derives from: each type in the table
/// gets metadata from its own converter, any other type none; a model converter reads null as null, refuses what is
/// not an object with a <see cref="FactorialJsonValueException"/> naming the model, and round-trips through the
/// serializer; an enum converter reads unknown values, objects and arrays as <c>Unknown</c> and writes <c>Unknown</c>
/// as null. Converters here are written the way the generator writes them.
/// </summary>
public sealed class JsonResolverTableTests
{
    private static readonly JsonSerializerOptions Options = CreateOptions();

    [Fact]
    public void Each_type_gets_the_metadata_of_its_own_converter_and_other_types_none()
    {
        var resolver = new FactorialJsonResolver(PointConverter.Instance, ColorConverter.Instance);
        var options = new JsonSerializerOptions { TypeInfoResolver = resolver };
        Assert.Same(PointConverter.Instance, resolver.GetTypeInfo(typeof(Point), options)!.Converter);
        Assert.Same(ColorConverter.Instance, resolver.GetTypeInfo(typeof(Color), options)!.Converter);
        Assert.Null(resolver.GetTypeInfo(typeof(string), options));
        Assert.Null(resolver.GetTypeInfo(typeof(List<Point>), options));
        Assert.Null(new FactorialJsonResolver().GetTypeInfo(typeof(Point), options));
    }

    [Fact]
    public void A_model_round_trips_and_reads_null_and_refuses_a_non_object()
    {
        var json = """{"x":1,"unknown":{"a":[1,2]},"color":"blue","y":2,"tags":["a",null,"b"]}""";
        var point = JsonSerializer.Deserialize<Point>(json, Options)!;
        Assert.Equal(1, point.X);
        Assert.Equal(2, point.Y);
        Assert.Equal(Color.Blue, point.Color);
        Assert.Equal(["a", "b"], point.Tags);
        Assert.Equal("""{"x":1,"y":2,"color":"blue","tags":["a","b"]}""", JsonSerializer.Serialize(point, Options));
        Assert.Null(JsonSerializer.Deserialize<Point>("null", Options));

        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes("[1]"));
        reader.Read();
        try
        {
            PointConverter.Instance.ReadValue(ref reader);
            Assert.Fail("An array read as a Point.");
        }
        catch (FactorialJsonValueException ex)
        {
            Assert.Contains("a JSON object for Point", ex.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_missing_required_field_is_named_with_its_model()
    {
        var ex = Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<Point>("""{"x":1,"y":null}""", Options));
        Assert.Contains("Point: the required property 'y' is missing or null.", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"red\"", Color.Red)]
    [InlineData("\"bl\\u0075e\"", Color.Blue)]
    [InlineData("\"green\"", Color.Unknown)]
    [InlineData("{\"a\":1}", Color.Unknown)]
    [InlineData("[1,2]", Color.Unknown)]
    [InlineData("7", Color.Unknown)]
    [InlineData("null", Color.Unknown)]
    public void An_enum_reads_unknown_values_as_unknown(string json, Color expected)
    {
        Assert.Equal(expected, JsonSerializer.Deserialize<Color>(json, Options));
        var point = JsonSerializer.Deserialize<Point>("{\"x\":1,\"y\":2,\"color\":" + json + "}", Options)!;
        Assert.Equal(json == "null" ? null : expected, point.Color);
    }

    [Fact]
    public void An_enum_writes_its_value_and_unknown_as_null()
    {
        Assert.Equal("\"red\"", JsonSerializer.Serialize(Color.Red, Options));
        Assert.Equal("null", JsonSerializer.Serialize(Color.Unknown, Options));
        Assert.Equal("null", JsonSerializer.Serialize((Color)42, Options));
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions { TypeInfoResolver = new FactorialJsonResolver(PointConverter.Instance, ColorConverter.Instance) };
        options.MakeReadOnly();
        return options;
    }

    public enum Color
    {
        Unknown = 0,
        Red,
        Blue,
    }

    public sealed record Point
    {
        public required long X { get; init; }

        public required long Y { get; init; }

        public Color? Color { get; init; }

        public IReadOnlyList<string>? Tags { get; init; }
    }

    private sealed class ColorConverter : FactorialEnumConverter<Color>
    {
        public static readonly ColorConverter Instance = new();

        public ColorConverter()
            : base(new FactorialJsonNames("red", "blue"))
        {
        }
    }

    private sealed class PointConverter : FactorialObjectConverter<Point>
    {
        private static readonly FactorialJsonFields Fields = new("Point", "x", "y", "color", "tags");
        private static readonly FactorialJsonNames Names = Fields.Names;

        public static readonly PointConverter Instance = new();

        public PointConverter()
            : base(Fields)
        {
        }

        protected override void WriteFields(Utf8JsonWriter writer, Point value)
        {
            writer.WritePropertyName(Names[0]); writer.WriteNumberValue(value.X);
            writer.WritePropertyName(Names[1]); writer.WriteNumberValue(value.Y);
            if (value.Color is { } p2) { writer.WritePropertyName(Names[2]); ColorConverter.Instance.WriteValue(writer, p2); }
            if (value.Tags is { } p3) { writer.WritePropertyName(Names[3]); FactorialJsonWriter.WriteList<string>(writer, p3, FactorialJsonItems.WriteString); }
        }

        protected override Point ReadObject(ref Utf8JsonReader reader)
        {
            long? x = default;
            long? y = default;
            Color? color = default;
            IReadOnlyList<string>? tags = default;
            var at = -1;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                switch (at = Names.IndexOf(ref reader, at + 1))
                {
                    case 0: reader.Read(); x = FactorialJsonReader.ReadInt64(ref reader); break;
                    case 1: reader.Read(); y = FactorialJsonReader.ReadInt64(ref reader); break;
                    case 2: reader.Read(); color = ColorConverter.Instance.ReadValue(ref reader); break;
                    case 3: reader.Read(); tags = FactorialJsonReader.ReadList<string>(ref reader, FactorialJsonItems.ReadString); break;
                    default: reader.Read(); reader.Skip(); break;
                }
            }

            return new Point
            {
                X = x ?? throw MissingRequired(0),
                Y = y ?? throw MissingRequired(1),
                Color = color,
                Tags = tags,
            };
        }
    }
}
