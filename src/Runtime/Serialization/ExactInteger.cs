using System;

namespace FactorialGen.Serialization;

/// <summary>
/// Decides, from its digits, whether the text of a number (<c>-12</c>, <c>1.0</c>, <c>1.5</c>, <c>1e3</c>,
/// <c>99999999999999999999</c>) is a whole number and which: no double or decimal in between, so nothing is rounded.
/// </summary>
internal static class ExactInteger
{
    /// <summary>What the text is.</summary>
    public enum Shape
    {
        /// <summary>Not a number.</summary>
        NotANumber,

        /// <summary>A whole number; the value is set.</summary>
        Whole,

        /// <summary>A number with a fraction.</summary>
        Fraction,

        /// <summary>A whole number with more than 20 digits (outside any 64-bit integer).</summary>
        TooLarge,
    }

    public static Shape Parse(ReadOnlySpan<char> text, out Int128 value)
    {
        value = 0;
        var i = 0;
        var negative = false;
        if (i < text.Length && text[i] is '-' or '+')
        {
            negative = text[i] == '-';
            i++;
        }

        Span<char> digits = stackalloc char[24];
        var digitCount = 0;       // significant digits kept (leading zeros dropped)
        var overflowDigits = 0;   // significant digits beyond the 24 kept: each one multiplies by ten
        var fractionDigits = 0;   // significant digits after the point
        var sawDigit = false;
        var sawPoint = false;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '.' && !sawPoint)
            {
                sawPoint = true;
                continue;
            }

            if (c is < '0' or > '9')
            {
                break;
            }

            sawDigit = true;
            if (digitCount == 0 && overflowDigits == 0 && c == '0')
            {
                if (sawPoint)
                {
                    fractionDigits++; // 0.05: the zeros after the point still shift the digits that follow
                }

                continue;
            }

            if (digitCount < digits.Length)
            {
                digits[digitCount++] = c;
            }
            else if (c != '0' && sawPoint)
            {
                return Shape.Fraction; // a non-zero digit past what a whole number of this size could need
            }
            else
            {
                overflowDigits++;
            }

            if (sawPoint)
            {
                fractionDigits++;
            }
        }

        if (!sawDigit)
        {
            return Shape.NotANumber;
        }

        long exponent = 0;
        if (i < text.Length && text[i] is 'e' or 'E')
        {
            i++;
            var exponentNegative = false;
            if (i < text.Length && text[i] is '-' or '+')
            {
                exponentNegative = text[i] == '-';
                i++;
            }

            var exponentDigits = 0;
            for (; i < text.Length && text[i] is >= '0' and <= '9'; i++)
            {
                exponentDigits++;
                exponent = Math.Min((exponent * 10) + (text[i] - '0'), 1_000_000_000); // saturates: far past any range
            }

            if (exponentDigits == 0)
            {
                return Shape.NotANumber;
            }

            if (exponentNegative)
            {
                exponent = -exponent;
            }
        }

        if (i != text.Length)
        {
            return Shape.NotANumber;
        }

        // value = digits × 10^(overflowDigits + exponent − fractionDigits); trailing zeros move into the exponent.
        var scale = overflowDigits + exponent - fractionDigits;
        while (digitCount > 0 && digits[digitCount - 1] == '0')
        {
            digitCount--;
            scale++;
        }

        if (digitCount == 0)
        {
            return Shape.Whole; // zero, however it is written
        }

        if (scale < 0)
        {
            return Shape.Fraction;
        }

        if (digitCount + scale > 20)
        {
            return Shape.TooLarge;
        }

        Int128 result = 0;
        for (var d = 0; d < digitCount; d++)
        {
            result = (result * 10) + (digits[d] - '0');
        }

        for (var s = 0; s < scale; s++)
        {
            result *= 10;
        }

        value = negative ? -result : result;
        return Shape.Whole;
    }
}
