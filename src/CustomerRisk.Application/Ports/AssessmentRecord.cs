using CustomerRisk.Domain;

namespace CustomerRisk.Application.Ports;

/// <summary>The saved result of assessing one customer: the figures that are queried (grade, score, exposure) as
/// columns, and the whole assessment as JSON in <see cref="Details"/> (the object of `crisk assess --format json`).</summary>
public sealed record AssessmentRecord
{
    public required string CustomerId { get; init; }
    public required DateOnly AsOf { get; init; }
    public required Guid RunId { get; init; }
    public required Grade Grade { get; init; }
    public int? CreditScore { get; init; }
    public decimal? Pd { get; init; }
    public decimal OpenAr { get; init; }
    public decimal OverdueAr { get; init; }
    public decimal Exposure { get; init; }
    public decimal? Dso { get; init; }
    public decimal? ExpectedLoss { get; init; }
    public required string Details { get; init; }
}
