using System.Globalization;
using CustomerRisk.Domain;

namespace CustomerRisk.Application.Import;

/// <summary>One column a kind of file knows.</summary>
internal sealed record LedgerColumn(string Name, bool Required);

/// <summary>The current row of a file, laid out in its kind's column order, and the checks of the spec's tables.
/// Each check returns false after recording the column and a reason a clerk can act on; a row is rejected for the
/// first rule it breaks, columns taken in the kind's order.</summary>
internal sealed class RowCheck
{
    /// <summary>A key (an id) is 1–64 characters.</summary>
    public const int MaxKeyLength = 64;

    private readonly LedgerColumn[] _columns;
    private readonly HashSet<string> _knownCustomers;

    public RowCheck(LedgerColumn[] columns, HashSet<string> knownCustomers)
    {
        _columns = columns;
        _knownCustomers = knownCustomers;
        Values = new string[columns.Length];
    }

    /// <summary>The row's text per column of the kind, "" when the file lacks the column or the row is short.</summary>
    public string[] Values { get; }

    /// <summary>The column of the rule the row broke.</summary>
    public string FailedColumn { get; private set; } = string.Empty;

    /// <summary>Why the row was rejected.</summary>
    public string Reason { get; private set; } = string.Empty;

    public bool Fail(int column, string reason)
    {
        FailedColumn = _columns[column].Name;
        Reason = reason;
        return false;
    }

    /// <summary>Rejects the row for something that concerns no single column (broken quoting).</summary>
    public void FailRow(string reason)
    {
        FailedColumn = string.Empty;
        Reason = reason;
    }

    public string Name(int column) => _columns[column].Name;

    public bool RequiredKey(int column, out string key)
    {
        key = Trimmed(column);
        if (key.Length == 0)
        {
            return Missing(column);
        }

        return key.Length <= MaxKeyLength || TooLong(column, key);
    }

    public bool OptionalKey(int column, out string? key)
    {
        var text = Trimmed(column);
        key = text.Length == 0 ? null : text;
        return text.Length <= MaxKeyLength || TooLong(column, text);
    }

    public bool KnownCustomer(int column, out string customerId)
    {
        if (!RequiredKey(column, out customerId))
        {
            return false;
        }

        // The set's own instance is kept: the row's copy dies young instead of travelling with the batch.
        if (_knownCustomers.TryGetValue(customerId, out var known))
        {
            customerId = known;
            return true;
        }

        return Fail(column,
            $"{Name(column)} '{customerId}' is not a known customer: add it to customers.csv (in this import or an earlier one) or correct the id");
    }

    public bool RequiredText(int column, out string text)
    {
        text = Trimmed(column);
        return text.Length > 0 || Missing(column);
    }

    public string? OptionalText(int column)
    {
        var text = Trimmed(column);
        return text.Length == 0 ? null : text;
    }

    public bool RequiredDate(int column, out DateOnly date)
    {
        var text = Values[column].AsSpan().Trim();
        if (text.IsEmpty)
        {
            date = default;
            return Missing(column);
        }

        return Date(column, text, out date);
    }

    public bool OptionalDate(int column, out DateOnly? date)
    {
        date = null;
        var text = Values[column].AsSpan().Trim();
        if (text.IsEmpty)
        {
            return true;
        }

        if (!Date(column, text, out var value))
        {
            return false;
        }

        date = value;
        return true;
    }

    /// <summary>A later date column not before an earlier one (due_date not before issue_date).</summary>
    public bool NotBefore(int column, DateOnly date, int earlierColumn, DateOnly earlier) =>
        date >= earlier || Fail(column,
            $"{Name(column)} {Iso(date)} is before {Name(earlierColumn)} {Iso(earlier)}: it cannot fall due before it is issued");

    public bool PositiveAmount(int column, out decimal amount)
    {
        var text = Values[column].AsSpan().Trim();
        if (text.IsEmpty)
        {
            amount = 0m;
            return Missing(column);
        }

        if (!Amount(column, text, out amount))
        {
            return false;
        }

        return amount > 0m || Fail(column,
            $"{Name(column)} '{text}' must be greater than 0{(amount < 0m ? ": enter a credit or refund in its own kind of file, not as a negative amount" : string.Empty)}");
    }

    public bool OptionalAmount(int column, bool allowNegative, out decimal? amount)
    {
        amount = null;
        var text = Values[column].AsSpan().Trim();
        if (text.IsEmpty)
        {
            return true;
        }

        if (!Amount(column, text, out var value))
        {
            return false;
        }

        if (!allowNegative && value < 0m)
        {
            return Fail(column, $"{Name(column)} '{text}' must not be negative");
        }

        amount = value;
        return true;
    }

    /// <summary>A whole number in [min, max]; empty gives <paramref name="whenEmpty"/> or, when null, a missing value.</summary>
    public bool Integer(int column, int min, int max, int? whenEmpty, out int value)
    {
        var text = Values[column].AsSpan().Trim();
        if (text.IsEmpty)
        {
            value = whenEmpty ?? 0;
            return whenEmpty.HasValue || Missing(column);
        }

        if (LedgerFieldParser.TryParseInteger(text, out value) && value >= min && value <= max)
        {
            return true;
        }

        var range = max == int.MaxValue ? $"{min} or more" : $"from {min} to {max}";
        return Fail(column, $"{Name(column)} '{text}' is not a whole number {range}");
    }

    /// <summary>A code of a closed list (spec/data-formats.md), parsed by <see cref="Codes"/>.</summary>
    public bool Code<TEnum>(int column, CodeParser<TEnum> parse, string allowed, bool required, out TEnum? value)
        where TEnum : struct, Enum
    {
        value = null;
        var text = Values[column].AsSpan().Trim();
        if (text.IsEmpty)
        {
            return !required || Missing(column);
        }

        if (parse(text, out var parsed))
        {
            value = parsed;
            return true;
        }

        return Fail(column, $"{Name(column)} '{text}' is not one of the codes: use {allowed}");
    }

    /// <summary>ISO 4217: three letters.</summary>
    public bool OptionalCurrency(int column, out string? currency)
    {
        currency = null;
        var text = Values[column].AsSpan().Trim();
        if (text.IsEmpty)
        {
            return true;
        }

        if (text.Length == 3 && char.IsAsciiLetter(text[0]) && char.IsAsciiLetter(text[1]) && char.IsAsciiLetter(text[2]))
        {
            var value = Values[column].Trim();
            currency = value.Equals(value.ToUpperInvariant(), StringComparison.Ordinal) ? value : value.ToUpperInvariant();
            return true;
        }

        return Fail(column, $"{Name(column)} '{text}' is not an ISO 4217 currency code: use three letters, e.g. EUR or USD");
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private string Trimmed(int column)
    {
        var value = Values[column];

        // string.Trim returns the same instance when there is nothing to trim: no allocation on clean files.
        return value.Length > 0 && (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1])) ? value.Trim() : value;
    }

    private bool Missing(int column) =>
        Fail(column, $"{Name(column)} is empty: it is required");

    private bool TooLong(int column, string key) =>
        Fail(column, $"{Name(column)} '{Shorten(key)}' is {key.Length} characters long: an id has at most {MaxKeyLength}");

    private static string Shorten(string key) => key.Length <= 24 ? key : string.Concat(key.AsSpan(0, 20), "…");

    private bool Date(int column, ReadOnlySpan<char> text, out DateOnly date)
    {
        if (LedgerFieldParser.TryParseDate(text, out date, out var shapeIsRight))
        {
            return true;
        }

        if (shapeIsRight)
        {
            return Fail(column, $"{Name(column)} '{text}' is not a day of the calendar: check the day and the month");
        }

        return Fail(column, $"{Name(column)} '{text}' is not a date: write it as yyyy-MM-dd, e.g. 2026-03-31");
    }

    private bool Amount(int column, ReadOnlySpan<char> text, out decimal amount)
    {
        var problem = LedgerFieldParser.TryParseAmount(text, out amount, out var decimals);
        return problem switch
        {
            AmountProblem.None => true,
            AmountProblem.ThousandsSeparator => Fail(column,
                $"{Name(column)} '{text}' has a thousands separator: write it without one, e.g. '1234.50'"),
            AmountProblem.TooManyDecimals => Fail(column,
                $"{Name(column)} '{text}' has {decimals} decimal places: the store keeps at most {LedgerFieldParser.MaxDecimals}, round it to {LedgerFieldParser.MaxDecimals}"),
            AmountProblem.TooLarge => Fail(column, $"{Name(column)} '{text}' is too large to be an amount"),
            _ => Fail(column,
                $"{Name(column)} '{text}' is not a number: use '.' as the decimal separator and no thousands separator"),
        };
    }
}

/// <summary>The shape of the parsers in <see cref="Codes"/>.</summary>
internal delegate bool CodeParser<TEnum>(ReadOnlySpan<char> text, out TEnum value);
