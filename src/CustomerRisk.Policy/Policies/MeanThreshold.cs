using System.Globalization;

namespace CustomerRisk.Policy;

/// <summary>An exact threshold on a mean of small integers, kept as a fraction so that 8/3 is exactly 8/3.</summary>
/// <param name="Numerator">The numerator.</param>
/// <param name="Denominator">The denominator, greater than 0.</param>
public readonly record struct MeanThreshold(long Numerator, long Denominator)
{
    /// <summary>Whether the mean <paramref name="sum"/>/<paramref name="count"/> is at or above the threshold,
    /// compared exactly in integers.</summary>
    public bool IsMetBy(int sum, int count) => (long)sum * Denominator >= Numerator * count;

    /// <summary>The threshold as a decimal, for display.</summary>
    public decimal Value => (decimal)Numerator / Denominator;

    /// <inheritdoc />
    public override string ToString() => Denominator == 1
        ? Numerator.ToString(CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{Numerator}/{Denominator}");
}
