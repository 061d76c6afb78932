using System.Globalization;

namespace CustomerRisk.Modeling.Tables;

/// <summary>
/// The outcome column turned into labels: 1 for the bad (positive) class, 0 for the good one.
/// </summary>
/// <param name="Labels">One label per row: 1 bad, 0 good.</param>
/// <param name="PositiveValue">The column value that counts as bad.</param>
/// <param name="NegativeValue">The other value, which counts as good.</param>
/// <param name="Bads">Number of rows labelled 1.</param>
/// <param name="Goods">Number of rows labelled 0.</param>
public sealed record BinaryTarget(byte[] Labels, string PositiveValue, string NegativeValue, int Bads, int Goods)
{
    /// <summary>Share of bad rows, 0–1.</summary>
    public double BadRate => Labels.Length == 0 ? 0 : (double)Bads / Labels.Length;

    /// <summary>Reads the labels from a two-valued column.</summary>
    /// <param name="column">The outcome column; numeric or categorical.</param>
    /// <param name="positive">The value that names the bad class, as text ("1", "bad"); numbers compare by value.</param>
    /// <exception cref="ModelingDataException">The column has a missing value, a third value, only one value, or no
    /// row equal to <paramref name="positive"/>.</exception>
    public static BinaryTarget FromColumn(TableColumn column, string positive)
    {
        ArgumentNullException.ThrowIfNull(column);
        ArgumentNullException.ThrowIfNull(positive);
        if (column.RowCount == 0)
        {
            throw new ModelingDataException($"Target '{column.Name}' has no rows.");
        }

        var labels = new byte[column.RowCount];
        string? negative = null;
        var bads = 0;
        var isNumeric = column.Kind == ColumnKind.Numeric;
        var positiveNumber = double.NaN;
        if (isNumeric && !double.TryParse(positive, NumberStyles.Float, CultureInfo.InvariantCulture, out positiveNumber))
        {
            throw new ModelingDataException(
                $"Target '{column.Name}' is numeric but the positive value '{positive}' is not a number.");
        }

        for (var r = 0; r < labels.Length; r++)
        {
            if (column.IsMissing(r))
            {
                throw new ModelingDataException($"Target '{column.Name}' is missing in row {r + 1}; every row needs an outcome.");
            }

            var isPositive = isNumeric
                ? column.Numbers[r] == positiveNumber
                : string.Equals(column.Levels[column.Codes[r]], positive, StringComparison.Ordinal);
            if (isPositive)
            {
                labels[r] = 1;
                bads++;
                continue;
            }

            var text = column.TextAt(r)!;
            if (negative is null)
            {
                negative = text;
            }
            else if (!string.Equals(negative, text, StringComparison.Ordinal))
            {
                if (bads == 0 && !AnyPositive(column, r, isNumeric, positiveNumber, positive))
                {
                    throw new ModelingDataException(
                        $"Target '{column.Name}' has no row equal to the positive value '{positive}' (it holds '{negative}' and '{text}'); " +
                        "name the bad class with --positive.");
                }

                throw new ModelingDataException(
                    $"Target '{column.Name}' has a third value '{text}' besides '{positive}' and '{negative}'; " +
                    "a binary outcome needs exactly two values.");
            }
        }

        if (bads == 0)
        {
            var seen = negative ?? "";
            throw new ModelingDataException(
                $"Target '{column.Name}' has no row equal to the positive value '{positive}' (it holds '{seen}'); " +
                "name the bad class with --positive.");
        }

        if (negative is null)
        {
            throw new ModelingDataException($"Target '{column.Name}' holds only '{positive}'; both outcomes are needed.");
        }

        return new BinaryTarget(labels, positive, negative, bads, labels.Length - bads);
    }

    private static bool AnyPositive(TableColumn column, int from, bool isNumeric, double positiveNumber, string positive)
    {
        for (var r = from; r < column.RowCount; r++)
        {
            if (!column.IsMissing(r) && (isNumeric
                    ? column.Numbers[r] == positiveNumber
                    : string.Equals(column.Levels[column.Codes[r]], positive, StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }
}
