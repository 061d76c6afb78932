namespace CustomerRisk.Storage.Entities;

/// <summary>A row of assessment_runs.</summary>
public sealed class AssessmentRunEntity
{
    public Guid RunId { get; set; }
    public DateOnly AsOf { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string PolicyVersion { get; set; }
    public required string ScoreModel { get; set; }
    public int Customers { get; set; }
}
