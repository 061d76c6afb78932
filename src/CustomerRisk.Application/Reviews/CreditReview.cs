namespace CustomerRisk.Application.Reviews;

/// <summary>A recorded periodic review: a documented credit decision that can be replayed.</summary>
public sealed record CreditReview
{
    /// <summary>The id given by the store; 0 before it is saved.</summary>
    public long ReviewId { get; init; }

    public required string CustomerId { get; init; }

    /// <summary>The date of the review.</summary>
    public required DateOnly ReviewedOn { get; init; }

    /// <summary>Who reviewed.</summary>
    public required string Reviewer { get; init; }

    /// <summary>What was decided.</summary>
    public required ReviewDecision Decision { get; init; }

    /// <summary>Why.</summary>
    public required string Reason { get; init; }

    /// <summary>The new limit for a raise or lower, when given.</summary>
    public decimal? NewLimit { get; init; }

    /// <summary>The new payment terms in days for a change of terms, when given.</summary>
    public int? NewTermsDays { get; init; }

    /// <summary>The inputs it was decided on.</summary>
    public required ReviewSnapshot Snapshot { get; init; }

    /// <summary>What the policy recommended at the time.</summary>
    public required ReviewRecommendation Recommendation { get; init; }

    /// <summary>When it was recorded.</summary>
    public required DateTimeOffset RecordedAt { get; init; }
}
