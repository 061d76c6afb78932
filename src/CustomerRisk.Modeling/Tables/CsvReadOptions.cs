namespace CustomerRisk.Modeling.Tables;

/// <summary>
/// How a CSV file becomes a <see cref="ModelingTable"/>.
/// </summary>
/// <remarks>
/// Sentinel codes (such as 96 and 98 in Give Me Some Credit's past-due counts, which stand for "other" and "refused")
/// are kept as ordinary values unless listed in <see cref="Sentinels"/>: binning then gives them a bin of their own
/// or the top bin, and trees split them off, which is what the data supports. Listing them turns them into missing.
/// </remarks>
public sealed record CsvReadOptions
{
    /// <summary>Field texts read as missing, compared after trimming; by default the empty field and <c>NA</c>.</summary>
    public IReadOnlyCollection<string> MissingTokens { get; init; } = ["", "NA"];

    /// <summary>Per column, numeric codes that mean "not a value" and become missing; empty by default.</summary>
    public IReadOnlyDictionary<string, double[]> Sentinels { get; init; } = new Dictionary<string, double[]>();

    /// <summary>Columns to read as categorical even when every value is a number (codes such as 1–4).</summary>
    public IReadOnlyCollection<string> CategoricalColumns { get; init; } = [];

    /// <summary>Drop columns whose header is empty: such a column is a row number written by pandas or R, not data.</summary>
    public bool DropUnnamedColumns { get; init; } = true;

    /// <summary>The field separator, a comma by default.</summary>
    public char Separator { get; init; } = ',';
}
