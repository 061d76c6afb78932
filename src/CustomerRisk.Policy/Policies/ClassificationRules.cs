using CustomerRisk.Domain;

namespace CustomerRisk.Policy;

/// <summary>The rules of the customer classes (seed 002: high-value, ordinary, high-risk) and of the value–loyalty
/// grid (seed 004). See docs/operations.md.</summary>
public sealed record ClassificationRules
{
    /// <summary>Grades that make a customer high-risk (default D).</summary>
    public required IReadOnlySet<Grade> HighRiskGrades { get; init; }

    /// <summary>PD above which a customer is high-risk (default 0.10).</summary>
    public required decimal HighRiskPdAbove { get; init; }

    /// <summary>Revenue share at or above which value is high (default 0.02); high value and not high-risk is the
    /// high-value class.</summary>
    public required decimal HighValueFromRevenueShare { get; init; }

    /// <summary>Revenue share at or above which value is medium (default 0.005).</summary>
    public required decimal MediumValueFromRevenueShare { get; init; }

    /// <summary>Months of relationship a loyal customer has at least (default 24).</summary>
    public required int LoyalMinHistoryMonths { get; init; }

    /// <summary>Product focus a loyal customer has (default exclusive, mainly_ours).</summary>
    public required IReadOnlySet<ProductFocus> LoyalFocus { get; init; }

    /// <summary>Frequency change a loyal customer keeps at or above (default −0.50).</summary>
    public required decimal LoyalFrequencyChangeAtLeast { get; init; }

    /// <summary>Whether a dormant customer counts as disloyal (default true).</summary>
    public required bool DormantIsDisloyal { get; init; }

    /// <summary>The strategy of each grid cell, keyed by value level and loyalty.</summary>
    public required IReadOnlyDictionary<(ValueLevel Value, bool Loyal), string> Grid { get; init; }
}
