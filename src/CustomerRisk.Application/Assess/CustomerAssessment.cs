using System.Text.Json.Serialization;
using CustomerRisk.Domain;
using CustomerRisk.Policy;

namespace CustomerRisk.Application.Assess;

/// <summary>One customer's assessment: the object of `crisk assess --format json` (spec/cli.md), keys in snake_case.
/// Money is rounded to 2 decimals, rates are fractions, a missing value is null.</summary>
public sealed record CustomerAssessment
{
    public required string CustomerId { get; init; }
    public string? Name { get; init; }
    public required DateOnly AsOf { get; init; }
    public required string Grade { get; init; }
    public required GradeComponents GradeComponents { get; init; }
    public required bool Vetoed { get; init; }

    /// <summary>The Delphi expert score, 1–5: the median of <c>overall</c> in the latest round, else of all its scores
    /// (spec/rating.md); null when no expert scored the customer.</summary>
    public decimal? ExpertScore { get; init; }

    /// <summary>The latest Delphi round: per criterion the median and interquartile range; null without expert scores.</summary>
    public DelphiOutput? Delphi { get; init; }
    public int? CreditScore { get; init; }
    public decimal? Pd { get; init; }
    public required string ScoreModel { get; init; }
    public required IReadOnlyList<string> ScoreReasons { get; init; }
    public decimal OpenAr { get; init; }
    public decimal OverdueAr { get; init; }
    public decimal UnappliedCredit { get; init; }
    public required AgingOutput Aging { get; init; }
    [JsonPropertyName("sales_12m")]
    public decimal Sales12m { get; init; }
    public decimal? ArTurnover { get; init; }
    public decimal? Dso { get; init; }
    public decimal? NetCollectionRate { get; init; }
    public int? MaxDaysLate { get; init; }
    public decimal? AvgDaysLate { get; init; }
    public decimal? PaymentDelayRate { get; init; }
    public decimal? OnTimeRate { get; init; }
    public decimal? FrequencyChange { get; init; }
    public decimal? AmountChange { get; init; }
    public int? DaysSinceLastInvoice { get; init; }
    public decimal? TypicalInterval { get; init; }
    public bool? Dormant { get; init; }
    [JsonPropertyName("complaints_90d")]
    public int Complaints90d { get; init; }
    [JsonPropertyName("disputes_90d")]
    public int Disputes90d { get; init; }
    [JsonPropertyName("broken_promises_180d")]
    public int BrokenPromises180d { get; init; }
    [JsonPropertyName("claim_rate_12m")]
    public decimal? ClaimRate12m { get; init; }
    public decimal? RevenueShare { get; init; }
    public decimal Exposure { get; init; }
    public decimal? CreditLimit { get; init; }
    public decimal RecommendedLimit { get; init; }
    public int TermsDays { get; init; }
    public required string Requirement { get; init; }
    public decimal? Utilisation { get; init; }
    public int OldestDaysPastDue { get; init; }
    public required string DunningLevel { get; init; }
    public DateOnly NextReview { get; init; }
    public bool ReviewDue { get; init; }
    public decimal ExpectedLoss { get; init; }
    public required string RiskSeverity { get; init; }
    public required IReadOnlyList<AlertOutput> Alerts { get; init; }
    public required string PolicyVersion { get; init; }
}

/// <summary>The letter of each rating component, or null when it has no data.</summary>
public sealed record GradeComponents(string? Collection, string? Timeliness, string? Focus);

/// <summary>Open amounts by days-past-due bucket; they add up to open_ar.</summary>
public sealed record AgingOutput(
    [property: JsonPropertyName("current")] decimal Current,
    [property: JsonPropertyName("d1_30")] decimal D1To30,
    [property: JsonPropertyName("d31_60")] decimal D31To60,
    [property: JsonPropertyName("d61_90")] decimal D61To90,
    [property: JsonPropertyName("d91_180")] decimal D91To180,
    [property: JsonPropertyName("d181_plus")] decimal D181Plus);

/// <summary>An early-warning rule that fired, with the risk-matrix severity of the customer.</summary>
public sealed record AlertOutput(string Rule, string Severity, decimal Value, decimal? Threshold, string Message);

/// <summary>The latest Delphi round of a customer's expert scores (spec/rating.md).</summary>
/// <param name="Round">The latest round's number, 1 for the first.</param>
/// <param name="Rounds">How many rounds there were.</param>
/// <param name="Converged">True when every criterion's IQR in the latest round is at most 1.</param>
/// <param name="FromOverall">True when the expert score is the median of <c>overall</c>; false when of all criteria.</param>
/// <param name="Criteria">Per criterion of the latest round: experts, median, IQR.</param>
public sealed record DelphiOutput(int Round, int Rounds, bool Converged, bool FromOverall, IReadOnlyList<DelphiCriterionOutput> Criteria)
{
    /// <summary>The output of a summary, or null for none.</summary>
    public static DelphiOutput? From(CustomerDelphiSummary? summary)
    {
        if (summary is null)
        {
            return null;
        }

        var latest = summary.LatestRound;
        var criteria = new DelphiCriterionOutput[latest.Criteria.Count];
        for (var i = 0; i < criteria.Length; i++)
        {
            var c = latest.Criteria[i];
            criteria[i] = new DelphiCriterionOutput(c.Criterion.ToCode(), c.Count, c.Median, c.Iqr);
        }

        return new DelphiOutput(latest.Round, summary.Rounds.Count, latest.Converged, summary.ExpertScoreFromOverall, criteria);
    }
}

/// <summary>One criterion of a Delphi round: how many experts scored it, their median (1–5) and interquartile range.</summary>
public sealed record DelphiCriterionOutput(string Criterion, int Experts, decimal Median, decimal Iqr);
