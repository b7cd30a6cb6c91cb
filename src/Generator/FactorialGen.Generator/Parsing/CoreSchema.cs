using System.Globalization;
using System.Numerics;

namespace FactorialGen.Generator.Parsing;

/// <summary>
/// The YAML 1.2 core schema's resolution of a plain scalar (yaml.org/spec/1.2.2, 10.3.2), and the JSON text of its
/// numbers. Nothing else is special: <c>yes</c>, <c>on</c>, <c>2026-07-01</c> or <c>1_000</c> (YAML 1.1 ideas) are strings.
/// </summary>
internal static class CoreSchema
{
    public enum Kind
    {
        String,
        Null,
        Bool,
        Int,
        Float,

        /// <summary><c>.inf</c>, <c>-.inf</c>, <c>.nan</c>: floats that JSON cannot hold, written as strings.</summary>
        NonFinite,
    }

    /// <summary>Resolves <paramref name="value"/>; for <see cref="Kind.Int"/> and <see cref="Kind.Float"/>, <paramref name="json"/> is a valid JSON number.</summary>
    public static Kind Resolve(string value, out string? json)
    {
        json = null;
        if (value.Length == 0)
        {
            return Kind.Null;
        }

        switch (value)
        {
            case "~" or "null" or "Null" or "NULL":
                return Kind.Null;
            case "true" or "True" or "TRUE" or "false" or "False" or "FALSE":
                return Kind.Bool;
            case ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF" or "-.inf" or "-.Inf" or "-.INF" or ".nan" or ".NaN" or ".NAN":
                return Kind.NonFinite;
        }

        var first = value[0];
        if (!(first is >= '0' and <= '9' or '-' or '+' or '.'))
        {
            return Kind.String;
        }

        if (value.Length > 2 && value[0] == '0' && (value[1] == 'o' || value[1] == 'x'))
        {
            return Radix(value, out json);
        }

        return Decimal(value, out json);
    }

    // 0o[0-7]+ and 0x[0-9a-fA-F]+
    private static Kind Radix(string value, out string? json)
    {
        json = null;
        var hex = value[1] == 'x';
        var number = BigInteger.Zero;
        for (var i = 2; i < value.Length; i++)
        {
            var c = value[i];
            int digit;
            if (c is >= '0' and <= '7' || (hex && c is '8' or '9'))
            {
                digit = c - '0';
            }
            else if (hex && c is >= 'a' and <= 'f')
            {
                digit = c - 'a' + 10;
            }
            else if (hex && c is >= 'A' and <= 'F')
            {
                digit = c - 'A' + 10;
            }
            else
            {
                return Kind.String;
            }

            number = (number * (hex ? 16 : 8)) + digit;
        }

        json = number.ToString(CultureInfo.InvariantCulture);
        return Kind.Int;
    }

    // [-+]?[0-9]+ (int) and [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)? (float)
    private static Kind Decimal(string value, out string? json)
    {
        json = null;
        var i = 0;
        var negative = false;
        if (value[i] is '-' or '+')
        {
            negative = value[i] == '-';
            i++;
        }

        var integerStart = i;
        while (i < value.Length && value[i] is >= '0' and <= '9')
        {
            i++;
        }

        var integer = value.Substring(integerStart, i - integerStart);
        string? fraction = null;
        if (i < value.Length && value[i] == '.')
        {
            var fractionStart = ++i;
            while (i < value.Length && value[i] is >= '0' and <= '9')
            {
                i++;
            }

            fraction = value.Substring(fractionStart, i - fractionStart);
        }

        if (integer.Length == 0 && string.IsNullOrEmpty(fraction))
        {
            return Kind.String; // "-", ".", "+.", "-e5"
        }

        string? exponent = null;
        if (i < value.Length && value[i] is 'e' or 'E')
        {
            var exponentStart = i++;
            if (i < value.Length && value[i] is '-' or '+')
            {
                i++;
            }

            var digitsStart = i;
            while (i < value.Length && value[i] is >= '0' and <= '9')
            {
                i++;
            }

            if (i == digitsStart)
            {
                return Kind.String; // "1e", "1e+"
            }

            exponent = value.Substring(exponentStart, i - exponentStart);
        }

        if (i != value.Length)
        {
            return Kind.String; // "1.0.0", "2026-07-01", "1_000", "12:30"
        }

        // JSON has no '+', no leading zeros, and needs digits on both sides of '.': keep the text otherwise, so "1.0"
        // stays 1.0 as in the JSON form of the same document.
        var digits = integer.TrimStart('0');
        var text = (negative ? "-" : string.Empty) + (digits.Length == 0 ? "0" : digits);
        if (fraction is not null)
        {
            text += "." + (fraction.Length == 0 ? "0" : fraction);
        }

        json = text + exponent;
        return fraction is null && exponent is null ? Kind.Int : Kind.Float;
    }
}
