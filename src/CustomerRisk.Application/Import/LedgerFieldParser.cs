using System.Globalization;

namespace CustomerRisk.Application.Import;

/// <summary>Why an amount's text is not an amount the store can keep.</summary>
internal enum AmountProblem
{
    None,
    NotANumber,
    CommaAsDecimalSeparator,
    ThousandsSeparator,
    TooManyDecimals,
    TooLarge,
}

/// <summary>Parses dates and amounts straight from the field's characters, without the culture machinery of
/// DateOnly.Parse and decimal.Parse, because these run on every row of files of millions of rows.</summary>
internal static class LedgerFieldParser
{
    /// <summary>The store keeps amounts with 4 decimal places.</summary>
    public const int MaxDecimals = 4;

    private const int MaxFastDigits = 18;

    /// <summary>Parses <c>yyyy-MM-dd</c>. Returns false, with <paramref name="shapeIsRight"/> true, for a date of the
    /// right shape that is not on the calendar (2026-02-30).</summary>
    public static bool TryParseDate(ReadOnlySpan<char> text, out DateOnly date, out bool shapeIsRight)
    {
        date = default;
        shapeIsRight = false;
        if (text.Length != 10 || text[4] != '-' || text[7] != '-')
        {
            return false;
        }

        if (!TryDigits(text[..4], out var year) || !TryDigits(text.Slice(5, 2), out var month)
            || !TryDigits(text.Slice(8, 2), out var day))
        {
            return false;
        }

        shapeIsRight = true;
        if (year < 1 || month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    /// <summary>Parses a decimal written with '.' as the separator, no thousands separator and an optional leading
    /// '-'. Trailing zeros past the 4th decimal place are accepted (12.50000 is 12.5); other digits past it are not,
    /// because the store keeps 4.</summary>
    public static AmountProblem TryParseAmount(ReadOnlySpan<char> text, out decimal amount, out int decimals)
    {
        amount = 0m;
        decimals = 0;
        var negative = false;
        var i = 0;
        if (text.Length > 0 && (text[0] == '-' || text[0] == '+'))
        {
            negative = text[0] == '-';
            i = 1;
        }

        var integerStart = i;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        var integerDigits = i - integerStart;
        var fractionStart = i;
        var fractionDigits = 0;
        if (i < text.Length && text[i] == '.')
        {
            i++;
            fractionStart = i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            fractionDigits = i - fractionStart;
        }

        if (i != text.Length || integerDigits + fractionDigits == 0)
        {
            return Diagnose(text);
        }

        var fraction = text.Slice(fractionStart, fractionDigits);
        var significant = fraction.TrimEnd('0').Length;
        if (significant > MaxDecimals)
        {
            decimals = significant;
            return AmountProblem.TooManyDecimals;
        }

        var integerPart = text.Slice(integerStart, integerDigits).TrimStart('0');
        var kept = fraction[..significant];
        if (integerPart.Length + kept.Length <= MaxFastDigits)
        {
            ulong value = 0;
            foreach (var c in integerPart)
            {
                value = (value * 10) + (ulong)(c - '0');
            }

            foreach (var c in kept)
            {
                value = (value * 10) + (ulong)(c - '0');
            }

            // Unchecked: the low and middle words are bit patterns, not quantities.
            amount = new decimal(unchecked((int)(uint)value), unchecked((int)(uint)(value >> 32)), 0,
                negative && value != 0, (byte)kept.Length);
            decimals = kept.Length;
            return AmountProblem.None;
        }

        if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
                CultureInfo.InvariantCulture, out amount))
        {
            return AmountProblem.TooLarge;
        }

        decimals = kept.Length;
        return AmountProblem.None;
    }

    /// <summary>Parses a whole number with an optional leading sign; false when it is not one or is too large.</summary>
    public static bool TryParseInteger(ReadOnlySpan<char> text, out int value) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    private static AmountProblem Diagnose(ReadOnlySpan<char> text)
    {
        var commas = text.Count(',');
        var dots = text.Count('.');
        var other = false;
        for (var k = 0; k < text.Length; k++)
        {
            var c = text[k];
            if (!char.IsAsciiDigit(c) && c != ',' && c != '.' && c != '-' && c != '+' && c != ' ' && c != '\'')
            {
                other = true;
            }
        }

        if (other || commas + dots == 0)
        {
            return AmountProblem.NotANumber;
        }

        // "1,234.50", "1 234.50", "1'234.50": a thousands separator before a decimal point.
        var lastSeparator = Math.Max(text.LastIndexOf(','), Math.Max(text.LastIndexOf(' '), text.LastIndexOf('\'')));
        if (dots == 1 && lastSeparator >= 0 && text.LastIndexOf('.') > lastSeparator)
        {
            return AmountProblem.ThousandsSeparator;
        }

        // "12,50", "1.234,50": a comma as the decimal separator.
        if (commas >= 1)
        {
            return AmountProblem.CommaAsDecimalSeparator;
        }

        return AmountProblem.NotANumber;
    }

    private static bool TryDigits(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }
}
