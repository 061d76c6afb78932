namespace CustomerRisk.Modeling.Binning;

/// <summary>Thresholds of the variable filter; defaults are those of R <c>scorecard::var_filter</c>.</summary>
public sealed record VariableFilterOptions
{
    /// <summary>Variables whose per-value information value is below this are dropped; default 0.02.</summary>
    public double MinInformationValue { get; init; } = 0.02;

    /// <summary>Variables whose share of missing rows is above this are dropped, 0–1; default 0.95.</summary>
    public double MaxMissingRate { get; init; } = 0.95;

    /// <summary>Variables whose most common value (missing counts as a value) covers more than this share of rows are
    /// dropped, 0–1; default 0.95.</summary>
    public double MaxIdenticalRate { get; init; } = 0.95;
}
