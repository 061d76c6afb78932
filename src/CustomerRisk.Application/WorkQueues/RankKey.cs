using System.Globalization;

namespace CustomerRisk.Application.WorkQueues;

/// <summary>Text keys whose ordinal (byte by byte) order is the order of the values they encode, so that a kept list
/// is paged by one indexed text column in either database: a list's key is its sort values' keys one after the other
/// (each of a fixed width), then the customer id.</summary>
/// <remarks>A value's key is a sign mark ('1' for 0 and above, '0' below) and its magnitude in fixed-width digits,
/// every digit complemented (9 − d) below zero; a descending key complements every character of the ascending one.
/// Example: Ascending(12.5m) is "1" + 27 zeros + "12" + "5" + 27 zeros; Descending(12.5m) sorts before
/// Descending(3m).</remarks>
public static class RankKey
{
    // A decimal has at most 29 integer digits (7.9 × 10^28) and a scale of at most 28.
    private const int IntegerDigits = 29;
    private const int FractionDigits = 28;

    /// <summary>The key of a decimal, ascending: 58 characters.</summary>
    public static string Ascending(decimal value)
    {
        var text = Math.Abs(value).ToString("F28", CultureInfo.InvariantCulture);
        var point = text.IndexOf('.', StringComparison.Ordinal);
        var digits = text[..point].PadLeft(IntegerDigits, '0') + text[(point + 1)..].PadRight(FractionDigits, '0');
        return value < 0m ? "0" + Complement(digits) : "1" + digits;
    }

    /// <summary>The key of a decimal, descending: 58 characters.</summary>
    public static string Descending(decimal value) => Complement(Ascending(value));

    /// <summary>The key of a whole number, ascending: 20 characters.</summary>
    public static string Ascending(long value)
    {
        // long.MinValue has no positive counterpart; its magnitude still fits 19 digits as an unsigned number.
        var magnitude = value < 0 ? (ulong)(-(value + 1)) + 1 : (ulong)value;
        var digits = magnitude.ToString("D19", CultureInfo.InvariantCulture);
        return value < 0 ? "0" + Complement(digits) : "1" + digits;
    }

    /// <summary>The key of a whole number, descending: 20 characters.</summary>
    public static string Descending(long value) => Complement(Ascending(value));

    private static string Complement(string digits) => string.Create(digits.Length, digits, static (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            span[i] = (char)('9' - source[i] + '0');
        }
    });
}
