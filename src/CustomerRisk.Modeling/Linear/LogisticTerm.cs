using CustomerRisk.Modeling.Tables;

namespace CustomerRisk.Modeling.Linear;

/// <summary>
/// What one input adds to the log-odds of bad in a plain logistic model. A numeric input adds Weight · value, with a
/// missing value replaced by <see cref="Fill"/> and adding <see cref="MissingWeight"/>; a categorical input adds its
/// level's weight (0 for the reference level and unknown levels) or <see cref="MissingWeight"/> when missing.
/// </summary>
/// <param name="Name">The column name.</param>
/// <param name="Kind">Numeric or categorical.</param>
/// <param name="Weight">Log-odds per unit of a numeric input; 0 for a categorical one.</param>
/// <param name="Fill">The training mean that stands in for a missing numeric value.</param>
/// <param name="MissingWeight">Log-odds added when the value is missing.</param>
/// <param name="Levels">Levels of a categorical input, reference (most common) level first.</param>
/// <param name="LevelWeights">Log-odds of each level against the reference level (the first is 0).</param>
/// <param name="Min">Smallest training value of a numeric input (for reason codes).</param>
/// <param name="Max">Largest training value of a numeric input (for reason codes).</param>
public sealed record LogisticTerm(
    string Name,
    ColumnKind Kind,
    double Weight,
    double Fill,
    double MissingWeight,
    IReadOnlyList<string> Levels,
    IReadOnlyList<double> LevelWeights,
    double Min,
    double Max);
