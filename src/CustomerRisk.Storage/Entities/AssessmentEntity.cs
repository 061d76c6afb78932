using CustomerRisk.Domain;

namespace CustomerRisk.Storage.Entities;

/// <summary>A row of assessments: money to 4 decimals, PD to 9, the whole assessment as JSON in Details.</summary>
public sealed class AssessmentEntity
{
    public long AssessmentId { get; set; }
    public Guid RunId { get; set; }
    public required string CustomerId { get; set; }
    public DateOnly AsOf { get; set; }
    public Grade Grade { get; set; }
    public int? CreditScore { get; set; }
    public decimal? Pd { get; set; }
    public decimal OpenAr { get; set; }
    public decimal OverdueAr { get; set; }
    public decimal Exposure { get; set; }
    public decimal? Dso { get; set; }
    public decimal? ExpectedLoss { get; set; }
    public required string Details { get; set; }
}
