using CustomerRisk.Domain;

namespace CustomerRisk.Storage.Entities;

/// <summary>A row of expert_scores.</summary>
public sealed class ExpertScoreEntity
{
    public long ExpertScoreKey { get; set; }
    public required string CustomerId { get; set; }
    public long CustomerKey { get; set; }
    public int Round { get; set; }
    public required string ExpertId { get; set; }
    public ExpertCriterion Criterion { get; set; }
    public DateOnly ScoreDate { get; set; }
    public int Score { get; set; }
}
