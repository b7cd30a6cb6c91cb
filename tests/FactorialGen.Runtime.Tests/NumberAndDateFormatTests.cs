using System;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Tasks;
using FactorialGen.Runtime.Generated;
using FactorialGen.Serialization;

namespace FactorialGen.Tests;

/// <summary>
/// Numbers and formats in responses: an Int64 overflow, a fraction or an out-of-range number in an integer field, a
/// number a double cannot hold, and a date or timestamp that does not exist give
/// <see cref="FactorialInvalidResponseException"/> with the value's JSON path, never a saturated, rounded or silently
/// dropped value; numbers sent as strings that mean a valid value are still read. Answers come from a hostile server
/// on loopback and go through the real request layer (page reader, single values, lists) and a converter written the
/// way the generator writes them (<see cref="FactorialJsonReader"/>).
/// </summary>
public sealed class NumberAndDateFormatTests
{
    [Theory]
    [InlineData("""{"data": [{"id": 1}, {"id": 1.5}]}""", "$.data[1].id")]
    [InlineData("""[{"id": 9223372036854775808}]""", "$[0].id")]
    [InlineData("""[{"id": -9223372036854775809}]""", "$[0].id")]
    [InlineData("""[{"id": 1e30}]""", "$[0].id")]
    [InlineData("""[{"id": 9007199254740993.5}]""", "$[0].id")]
    [InlineData("""[{"id": "99999999999999999999"}]""", "$[0].id")]
    [InlineData("""[{"id": "1.5"}]""", "$[0].id")]
    [InlineData("""[{"id": "twelve"}]""", "$[0].id")]
    [InlineData("""[{"id": true}]""", "$[0].id")]
    [InlineData("""[{"id": 1, "minutes": 3000000000}]""", "$[0].minutes")]
    [InlineData("""[{"id": 1, "minutes": "-2147483649"}]""", "$[0].minutes")]
    [InlineData("""[{"id": 1, "minutes": 1e-400}]""", "$[0].minutes")]
    [InlineData("""[{"id": 1, "minutes": 0.5}]""", "$[0].minutes")]
    [InlineData("""[{"id": 1, "hours": 1e400}]""", "$[0].hours")]
    [InlineData("""[{"id": 1, "hours": -1e400}]""", "$[0].hours")]
    [InlineData("""[{"id": 1, "hours": 1e-400}]""", "$[0].hours")]
    [InlineData("""[{"id": 1, "hours": "NaN"}]""", "$[0].hours")]
    [InlineData("""[{"id": 1, "hours": "Infinity"}]""", "$[0].hours")]
    [InlineData("""[{"id": 1, "hours": "1,5"}]""", "$[0].hours")]
    [InlineData("""[{"id": 1, "day": "2026-02-30"}]""", "$[0].day")]
    [InlineData("""[{"id": 1, "day": "2026-13-01"}]""", "$[0].day")]
    [InlineData("""[{"id": 1, "day": "0000-01-01"}]""", "$[0].day")]
    [InlineData("""[{"id": 1, "day": "2026-3-2"}]""", "$[0].day")]
    [InlineData("""[{"id": 1, "day": "2026-03-02garbage"}]""", "$[0].day")]
    [InlineData("""[{"id": 1, "day": 20260302}]""", "$[0].day")]
    [InlineData("""[{"id": 1, "at": "10000-01-01T00:00:00Z"}]""", "$[0].at")]
    [InlineData("""[{"id": 1, "at": "9999-12-31T23:59:59-01:00"}]""", "$[0].at")]
    [InlineData("""[{"id": 1, "at": "2026-03-02T25:00:00Z"}]""", "$[0].at")]
    [InlineData("""[{"id": 1, "at": "not a time"}]""", "$[0].at")]
    [InlineData("""[{"id": 1, "at": 1772442000}]""", "$[0].at")]
    [InlineData("""{"meta": {}, "data": [{"id": 1, "shift": {"id": 2, "minutes": 2.25}}]}""", "$.data[0].shift.minutes")]
    [InlineData("""[{"id": 1, "tags": [1, 2, 3.5]}]""", "$[0].tags[2]")]
    public async Task Values_that_do_not_fit_are_typed_errors_with_their_json_path(string body, string jsonPath)
    {
        await using var server = await HostileServer.StartAsync();
        server.AnswerJson(body);
        using var connection = Connection(server);

        var error = await Assert.ThrowsAsync<FactorialInvalidResponseException>(() => connection.GetPageAsync(List(), TestShift.TypeInfo));

        Assert.Equal(jsonPath, error.JsonPath);
        Assert.Contains(jsonPath, error.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<JsonException>(error.InnerException);
    }

    [Theory]
    [InlineData("""{"id": 9223372036854775808.0}""", "$.id", false)]
    [InlineData("""{"id": 1, "minutes": 2147483648}""", "$.minutes", false)]
    [InlineData("""{"id": 1, "day": "2026-02-29"}""", "$.day", false)]
    [InlineData("""{"id": 1.5, "full_name": "Ana"}""", "$.id", true)]
    public async Task Single_values_name_their_json_path_too(string body, string jsonPath, bool serializerContext)
    {
        await using var server = await HostileServer.StartAsync();
        server.AnswerJson(body);
        using var connection = Connection(server);
        var request = new FactorialRequest(HttpMethod.Get, "attendance/shifts/1");

        var error = serializerContext
            ? await Assert.ThrowsAsync<FactorialInvalidResponseException>(() => connection.SendAsync(request, TestJsonContext.Default.TestEmployee))
            : await Assert.ThrowsAsync<FactorialInvalidResponseException>(() => connection.SendAsync(request, TestShift.TypeInfo));

        Assert.Equal(jsonPath, error.JsonPath);
    }

    [Fact]
    public async Task Serializer_context_items_of_a_page_get_the_whole_path()
    {
        await using var server = await HostileServer.StartAsync();
        server.AnswerJson("""{"data": [{"id": 1, "full_name": "Ana"}, {"id": 1.5, "full_name": "Bo"}]}""");
        using var connection = Connection(server);

        var error = await Assert.ThrowsAsync<FactorialInvalidResponseException>(() => connection.GetPageAsync(List(), TestJsonContext.Default.TestEmployee));

        Assert.Equal("$.data[1].id", error.JsonPath);
    }

    [Theory]
    [InlineData("[1, 2, 2.5]", "$[2]")]
    [InlineData("[1, 9223372036854775808]", "$[1]")]
    [InlineData("""{"data": [1, "x"]}""", "$.data[1]")]
    public async Task Plain_integer_lists_name_the_item(string body, string jsonPath)
    {
        await using var server = await HostileServer.StartAsync();
        server.AnswerJson(body);
        using var connection = Connection(server);

        var page = await Assert.ThrowsAsync<FactorialInvalidResponseException>(() => connection.GetPageAsync(List(), FactorialJsonTypes.Int64));
        Assert.Equal(jsonPath, page.JsonPath);

        if (body.StartsWith('['))
        {
            var list = await Assert.ThrowsAsync<FactorialInvalidResponseException>(() => connection.SendAsync(List(), FactorialJsonTypes.ListOf(FactorialJsonTypes.Int32)));
            Assert.Equal(jsonPath, list.JsonPath);
        }
    }

    [Fact]
    public async Task Every_spelling_of_a_valid_value_is_still_read()
    {
        await using var server = await HostileServer.StartAsync();
        server.AnswerJson("""
            [{"id": "12", "minutes": " 7 ", "hours": "1.5", "day": "2026-03-02", "at": "2026-03-02T09:15:30Z"},
             {"id": 1.0e1, "minutes": -0, "hours": 1e-3, "day": "2024-02-29T10:00:00+05:00", "at": "2026-03-02T09:15:30"},
             {"id": 9223372036854775807, "minutes": "", "hours": "", "day": "", "at": "", "tags": ["3", 4.0, null]},
             {"id": -9223372036854775808.000, "minutes": 2147483647, "hours": 0.0, "day": null, "at": null}]
            """);
        using var connection = Connection(server);

        var page = await connection.GetPageAsync(List(), TestShift.TypeInfo);

        Assert.Equal(
            new[]
            {
                new TestShift(12, 7, 1.5, new DateOnly(2026, 3, 2), new DateTimeOffset(2026, 3, 2, 9, 15, 30, TimeSpan.Zero), null, null),
                new TestShift(10, 0, 0.001, new DateOnly(2024, 2, 29), new DateTimeOffset(2026, 3, 2, 9, 15, 30, TimeSpan.Zero), null, null),
                new TestShift(long.MaxValue, null, null, null, null, null, null),
                new TestShift(long.MinValue, int.MaxValue, 0, null, null, null, null),
            },
            page.Items,
            TestShift.Comparer);
        Assert.Equal(new long[] { 3, 4 }, page.Items[2].Tags);
    }

    [Theory]
    [InlineData("\"2026-02-29\"")]
    [InlineData("\"2026-13-01\"")]
    [InlineData("\"0000-01-01\"")]
    [InlineData("\"2026-3-2\"")]
    [InlineData("12")]
    [InlineData("true")]
    public void Dates_that_do_not_exist_throw_on_the_fast_and_the_slow_path(string json)
    {
        Assert.ThrowsAny<JsonException>(() => ReadOne(json, static (ref Utf8JsonReader r) => FactorialJsonReader.ReadDate(ref r)));
        var escaped = json.Replace("-", "\\u002d", StringComparison.Ordinal); // escaped: the slow path
        Assert.ThrowsAny<JsonException>(() => ReadOne(escaped, static (ref Utf8JsonReader r) => FactorialJsonReader.ReadDate(ref r)));
    }

    [Theory]
    [InlineData("\"not a time\"")]
    [InlineData("12")]
    [InlineData("\"2026-03-02T09:15:30+25:00\"")]
    public void Timestamps_that_do_not_exist_throw(string json)
    {
        Assert.ThrowsAny<JsonException>(() => ReadOne(json, static (ref Utf8JsonReader r) => FactorialJsonReader.ReadDateTime(ref r)));
    }

    private delegate T? ReadValue<T>(ref Utf8JsonReader reader)
        where T : struct;

    private static T? ReadOne<T>(string json, ReadValue<T> read)
        where T : struct
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        return read(ref reader);
    }

    private static FactorialRequest List() => new(HttpMethod.Get, "attendance/shifts");

    private static FactorialConnection Connection(HostileServer server) =>
        new(new FactorialApiKey("key"), new FactorialClientOptions { BaseAddress = server.BaseAddress });
}

/// <summary>A model read the way generated converters read theirs: through <see cref="FactorialJsonReader"/>, on the caller's reader.</summary>
internal sealed record TestShift(long Id, int? Minutes, double? Hours, DateOnly? Day, DateTimeOffset? At, TestShift? Shift, System.Collections.Generic.IReadOnlyList<long>? Tags)
{
    private static readonly JsonSerializerOptions Options = new() { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };

    public static JsonTypeInfo<TestShift> TypeInfo { get; } = JsonMetadataServices.CreateValueInfo<TestShift>(Options, new Converter());

    public static System.Collections.Generic.IEqualityComparer<TestShift> Comparer { get; } = new ShallowComparer();

    private sealed class Converter : JsonConverter<TestShift>
    {
        public override TestShift? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Null)
            {
                return null;
            }

            FactorialJsonReader.ExpectObject(ref reader, nameof(TestShift));
            long? id = null;
            int? minutes = null;
            double? hours = null;
            DateOnly? day = null;
            DateTimeOffset? at = null;
            TestShift? shift = null;
            System.Collections.Generic.IReadOnlyList<long>? tags = null;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                var name = reader.GetString();
                reader.Read();
                switch (name)
                {
                    case "id": id = FactorialJsonReader.ReadInt64(ref reader); break;
                    case "minutes": minutes = FactorialJsonReader.ReadInt32(ref reader); break;
                    case "hours": hours = FactorialJsonReader.ReadDouble(ref reader); break;
                    case "day": day = FactorialJsonReader.ReadDate(ref reader); break;
                    case "at": at = FactorialJsonReader.ReadDateTime(ref reader); break;
                    case "shift": shift = reader.TokenType == JsonTokenType.Null ? null : Read(ref reader, typeToConvert, options); break;
                    case "tags": tags = FactorialJsonReader.ReadValueList(ref reader, static (ref Utf8JsonReader r) => FactorialJsonReader.ReadInt64(ref r)); break;
                    default: reader.Skip(); break;
                }
            }

            return new TestShift(id ?? throw FactorialJsonReader.MissingRequired(nameof(TestShift), "id"), minutes, hours, day, at, shift, tags);
        }

        public override void Write(Utf8JsonWriter writer, TestShift value, JsonSerializerOptions options) => throw new NotSupportedException();
    }

    private sealed class ShallowComparer : System.Collections.Generic.IEqualityComparer<TestShift>
    {
        public bool Equals(TestShift? x, TestShift? y) =>
            x is not null && y is not null && x.Id == y.Id && x.Minutes == y.Minutes && x.Hours == y.Hours && x.Day == y.Day && x.At == y.At;

        public int GetHashCode(TestShift obj) => obj.Id.GetHashCode();
    }
}
