using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Linq;

using FactorialGen.Serialization;

namespace FactorialGen.Runtime.Generated;

/// <summary>How generated clients write parameter values into paths and query strings (invariant culture).</summary>
/// <remarks>
/// One name per type, no overloads: a generated client calls these at hundreds of sites, and an overloaded name makes
/// the compiler weigh every overload (with the nullable numeric conversions between them) at each one.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class FactorialQuery
{
    /// <summary>Formats an integer.</summary>
    public static string? FormatInt64(long? value) => value?.ToString(CultureInfo.InvariantCulture);

    /// <summary>Formats an integer.</summary>
    public static string? FormatInt32(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    /// <summary>Formats a number so it reads back the same.</summary>
    public static string? FormatDouble(double? value) => value?.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Formats a boolean as <c>true</c>/<c>false</c>.</summary>
    public static string? FormatBoolean(bool? value) => value is null ? null : value.Value ? "true" : "false";

    /// <summary>Formats a date as <c>yyyy-MM-dd</c>.</summary>
    public static string? FormatDate(DateOnly? value) => value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Formats a timestamp in ISO 8601.</summary>
    public static string? FormatDateTime(DateTimeOffset? value) => value?.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture);

    /// <summary>Formats a list of dates.</summary>
    public static IEnumerable<string>? FormatDateList(IEnumerable<DateOnly>? values) => values?.Select(v => v.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    /// <summary>Formats a list of timestamps.</summary>
    public static IEnumerable<string>? FormatDateTimeList(IEnumerable<DateTimeOffset>? values) => values?.Select(v => v.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture));

    /// <summary>Formats a list of integers.</summary>
    public static IEnumerable<string>? FormatInt64List(IEnumerable<long>? values) => values?.Select(v => v.ToString(CultureInfo.InvariantCulture));

    /// <summary>Formats a list of integers.</summary>
    public static IEnumerable<string>? FormatInt32List(IEnumerable<int>? values) => values?.Select(v => v.ToString(CultureInfo.InvariantCulture));

    /// <summary>Formats a list of numbers.</summary>
    public static IEnumerable<string>? FormatDoubleList(IEnumerable<double>? values) => values?.Select(v => v.ToString("R", CultureInfo.InvariantCulture));

    /// <summary>Formats a list of booleans.</summary>
    public static IEnumerable<string>? FormatBooleanList(IEnumerable<bool>? values) => values?.Select(v => v ? "true" : "false");
}
