using System.Globalization;

namespace CustomerRisk.Policy;

/// <summary>One line of a calculation log: an input or a step with how it was reached.</summary>
/// <param name="Name">What the line is (<c>sales_12m</c>, <c>monthly_sales</c>, <c>revenue_cap</c>, …).</param>
/// <param name="Detail">How it was reached, in words and numbers ("input", "1,200,000 / 12").</param>
/// <param name="Value">The value; null for a line that is not a number (the grade).</param>
/// <remarks>The text form shows values to 4 decimal places; <see cref="Value"/> keeps them exact.</remarks>
public sealed record CalculationStep(string Name, string Detail, decimal? Value)
{
    /// <inheritdoc />
    public override string ToString() => Value is { } v
        ? $"{Name} = {Math.Round(v, 4).ToString("G29", CultureInfo.InvariantCulture)} ({Detail})"
        : $"{Name}: {Detail}";
}
