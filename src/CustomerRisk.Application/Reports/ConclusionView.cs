namespace CustomerRisk.Application.Reports;

/// <summary>The conclusions of a customer report: the opinion and what follows from it per the policy.</summary>
public sealed record ConclusionView
{
    /// <summary>Grade A, B, C, D or N.</summary>
    public required string Grade { get; init; }

    /// <summary>True when one component vetoed the grade to D.</summary>
    public required bool Vetoed { get; init; }

    /// <summary>The credit score (default scale 300–900).</summary>
    public int? CreditScore { get; init; }

    /// <summary>Probability of default, 0–1.</summary>
    public decimal? Pd { get; init; }

    /// <summary>Payment terms of the grade, days.</summary>
    public required int TermsDays { get; init; }

    /// <summary>What is required before shipping.</summary>
    public required string Requirement { get; init; }

    /// <summary>The recommended limit, money.</summary>
    public required decimal RecommendedLimit { get; init; }

    /// <summary>The limit granted today, money; null when none.</summary>
    public decimal? GrantedLimit { get; init; }

    /// <summary>Exposure: open AR plus open orders, money.</summary>
    public required decimal Exposure { get; init; }

    /// <summary>Dunning level code (<c>none</c>, <c>L1</c>…<c>L4</c>).</summary>
    public required string DunningLevel { get; init; }

    /// <summary>The dunning action ("reminder", "call", …) or "none".</summary>
    public required string DunningAction { get; init; }

    /// <summary>Days past due of the oldest open invoice.</summary>
    public required int OldestDaysPastDue { get; init; }

    /// <summary>The date the next review is due.</summary>
    public required DateOnly NextReview { get; init; }

    /// <summary>True when a review is due on or before the as-of date.</summary>
    public required bool ReviewDue { get; init; }

    /// <summary>Expected loss PD × LGD × EAD, money.</summary>
    public required decimal ExpectedLoss { get; init; }

    /// <summary>The opinion in two or three sentences.</summary>
    public required string Summary { get; init; }

    /// <summary>What to do, in order: terms and limit, requirement, dunning, review, one line per alert, the class's
    /// strategy.</summary>
    public required IReadOnlyList<string> Recommendations { get; init; }
}
