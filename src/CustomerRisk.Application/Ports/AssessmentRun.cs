namespace CustomerRisk.Application.Ports;

/// <summary>One run of the assessment over the portfolio (or one customer).</summary>
public sealed record AssessmentRun
{
    /// <summary>Unique id of the run.</summary>
    public required Guid RunId { get; init; }

    /// <summary>The as-of date every figure of the run is computed at.</summary>
    public required DateOnly AsOf { get; init; }

    /// <summary>When the run was made (from the caller's clock, never read inside a computation).</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The version of the policy the run used.</summary>
    public required string PolicyVersion { get; init; }

    /// <summary>The scoring model id and version, or "expert-scorecard" before a model is trained.</summary>
    public required string ScoreModel { get; init; }
}
