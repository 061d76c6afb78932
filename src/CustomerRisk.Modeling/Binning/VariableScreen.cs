namespace CustomerRisk.Modeling.Binning;

/// <summary>What the variable filter measured for one variable, and whether it kept it.</summary>
/// <param name="Variable">Column name.</param>
/// <param name="InformationValue">IV with one group per distinct value (R <c>scorecard::iv</c>), at least 0.</param>
/// <param name="MissingRate">Share of missing rows, 0–1.</param>
/// <param name="IdenticalRate">Share of rows holding the most common value, 0–1.</param>
/// <param name="Kept">Whether the variable passed every threshold.</param>
/// <param name="Reason">Why it was dropped (<c>missing_rate</c>, <c>identical_rate</c> or <c>info_value</c>); null when kept.</param>
public sealed record VariableScreen(
    string Variable, double InformationValue, double MissingRate, double IdenticalRate, bool Kept, string? Reason);
