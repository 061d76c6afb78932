using System.Text.Json.Serialization;

namespace CustomerRisk.Application.Assess;

/// <summary>The object of `crisk portfolio --format json` (spec/cli.md).</summary>
public sealed record PortfolioReport
{
    public required DateOnly AsOf { get; init; }
    public required int Customers { get; init; }
    public decimal OpenAr { get; init; }
    public decimal OverdueAr { get; init; }
    public required AgingOutput Aging { get; init; }
    [JsonPropertyName("sales_12m")]
    public decimal Sales12m { get; init; }
    public decimal? Dso { get; init; }
    public decimal? Hhi { get; init; }
    [JsonPropertyName("top5_share")]
    public decimal? Top5Share { get; init; }
    [JsonPropertyName("top10_share")]
    public decimal? Top10Share { get; init; }
    public decimal? ChurnRate { get; init; }
    public required IReadOnlyDictionary<string, int> GradeCounts { get; init; }
    public decimal Exposure { get; init; }
    public decimal ExpectedLoss { get; init; }
    public int OpenAlerts { get; init; }
}
