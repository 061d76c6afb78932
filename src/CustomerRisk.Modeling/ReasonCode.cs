namespace CustomerRisk.Modeling;

/// <summary>One reason a row scored lower than it could have: the input and how many points it cost.</summary>
/// <param name="Feature">Index of the input in the model's <see cref="IRiskModel.Features"/>.</param>
/// <param name="PointsLost">Points the input cost against its best possible value, greater than 0.</param>
public readonly record struct ReasonCode(int Feature, double PointsLost);
