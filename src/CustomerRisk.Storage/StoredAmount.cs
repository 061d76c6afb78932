using System.Globalization;

namespace CustomerRisk.Storage;

/// <summary>How the store keeps amounts: exactly, with at most <see cref="Decimals"/> decimals and a magnitude below
/// <see cref="Limit"/>. SQLite holds them as 64-bit integers in 1/10,000 units; PostgreSQL as numeric(19,4). An
/// importer calls <see cref="IsStorable"/> per amount and rejects the row when it is false, because the store refuses
/// (never rounds) an amount it cannot keep exactly.</summary>
public static class StoredAmount
{
    /// <summary>The most decimals an imported amount may have.</summary>
    public const int Decimals = 4;

    /// <summary>Every stored amount is smaller in magnitude than this (10^14, a hundred trillion).</summary>
    public const decimal Limit = 100_000_000_000_000m;

    internal const long Scale = 10_000;

    /// <summary>True when <paramref name="amount"/> can be stored exactly: at most 4 decimals and |amount| &lt; 10^14.</summary>
    public static bool IsStorable(decimal amount)
    {
        if (amount <= -Limit || amount >= Limit)
        {
            return false;
        }

        var scaled = amount * Scale;
        return scaled == decimal.Truncate(scaled);
    }

    /// <summary>The reason an amount cannot be stored, for an error message; null when it can.</summary>
    public static string? Problem(decimal amount) =>
        amount <= -Limit || amount >= Limit
            ? $"amount {amount.ToString(CultureInfo.InvariantCulture)} is too large (the store keeps amounts below 10^14)"
            : IsStorable(amount)
                ? null
                : $"amount {amount.ToString(CultureInfo.InvariantCulture)} has more than {Decimals} decimals";

    /// <summary>The amount in 1/10,000 units.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The amount has more than 4 decimals or is too large.</exception>
    internal static long ToScaled(decimal amount, string what)
    {
        if (!IsStorable(amount))
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, $"{what}: {Problem(amount)}.");
        }

        return (long)(amount * Scale);
    }

    /// <summary>The amount rounded half away from zero to <paramref name="decimals"/> decimals and scaled to an
    /// integer (used for computed figures such as expected loss, which are not imported and may carry more).</summary>
    internal static long ToScaledRounded(decimal amount, int decimals)
    {
        var rounded = Math.Round(amount, decimals, MidpointRounding.AwayFromZero);
        return (long)(rounded * Pow10(decimals));
    }

    /// <summary>The amount of a value in 1/10,000 units, with no trailing zeros (12.5, not 12.5000).</summary>
    internal static decimal FromScaled(long scaled) => FromScaled(scaled, Decimals);

    /// <summary>The value of an integer scaled by 10^<paramref name="decimals"/>, with no trailing zeros.</summary>
    internal static decimal FromScaled(long scaled, int decimals)
    {
        var negative = scaled < 0;
        var magnitude = negative ? unchecked(0UL - (ulong)scaled) : (ulong)scaled;
        var scale = decimals;
        while (scale > 0 && magnitude % 10 == 0)
        {
            magnitude /= 10;
            scale--;
        }

        return new decimal(unchecked((int)(uint)magnitude), unchecked((int)(uint)(magnitude >> 32)), 0, negative && magnitude != 0,
            (byte)scale);
    }

    /// <summary>The same value with no trailing zeros (PostgreSQL's numeric(19,4) reads back as 12.5000).</summary>
    internal static decimal Normalize(decimal value, int decimals) =>
        FromScaled((long)(value * Pow10(decimals)), decimals);

    private static decimal Pow10(int decimals) => decimals switch
    {
        4 => 10_000m,
        9 => 1_000_000_000m,
        _ => (decimal)Math.Pow(10, decimals),
    };
}
