namespace CustomerRisk.Domain;

/// <summary>One expert's anonymous score of a customer on one criterion in one Delphi round (seed 004).</summary>
public sealed record ExpertScore
{
    /// <summary>The customer scored.</summary>
    public required string CustomerId { get; init; }

    /// <summary>The Delphi round, 1 for the first.</summary>
    public required int Round { get; init; }

    /// <summary>The expert's (anonymous) id.</summary>
    public required string ExpertId { get; init; }

    /// <summary>The date the score was given.</summary>
    public required DateOnly Date { get; init; }

    /// <summary>What is scored.</summary>
    public required ExpertCriterion Criterion { get; init; }

    /// <summary>The score, an integer 1–5; 5 is best.</summary>
    public required int Score { get; init; }
}
