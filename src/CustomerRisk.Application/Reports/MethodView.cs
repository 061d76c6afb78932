namespace CustomerRisk.Application.Reports;

/// <summary>How the conclusions were reached: the rating rule, the score model and the policy version.</summary>
public sealed record MethodView
{
    /// <summary>The rating rule in words (components, veto, combination).</summary>
    public required string RatingRule { get; init; }

    /// <summary>The three components with their letters and figures.</summary>
    public required IReadOnlyList<RatingComponentView> Components { get; init; }

    /// <summary>How the components combined into the grade, in words.</summary>
    public required string Combination { get; init; }

    /// <summary>The model that produced the score (<c>expert_scorecard</c> or a trained model's id).</summary>
    public required string ScoreModel { get; init; }

    /// <summary>The score scale in words ("600 points at odds 50:1, 20 points to double the odds, 300–900").</summary>
    public required string ScoreScale { get; init; }

    /// <summary>What cost the score the most points, largest first.</summary>
    public required IReadOnlyList<string> ScoreReasons { get; init; }

    /// <summary>The recommended limit's calculation log, one step a line.</summary>
    public required IReadOnlyList<string> LimitCalculation { get; init; }

    /// <summary>The policy version every figure was computed under.</summary>
    public required string PolicyVersion { get; init; }
}
