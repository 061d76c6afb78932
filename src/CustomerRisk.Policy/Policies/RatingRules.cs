using CustomerRisk.Domain;

namespace CustomerRisk.Policy;

/// <summary>The thresholds of the A/B/C/D rating (spec/rating.md).</summary>
public sealed record RatingRules
{
    /// <summary>Net collection rate at or above which collection is A (default 1.00).</summary>
    public required decimal CollectionAAtLeast { get; init; }

    /// <summary>Net collection rate at or above which collection is B (default 0.95).</summary>
    public required decimal CollectionBAtLeast { get; init; }

    /// <summary>Net collection rate at or above which collection is C (default 0.90); below it, D.</summary>
    public required decimal CollectionCAtLeast { get; init; }

    /// <summary>Max days late at or below which timeliness is A (default 0).</summary>
    public required int TimelinessAAtMostDays { get; init; }

    /// <summary>Max days late at or below which timeliness is B (default 4).</summary>
    public required int TimelinessBAtMostDays { get; init; }

    /// <summary>Max days late at or below which timeliness is C (default 9); above it, D.</summary>
    public required int TimelinessCAtMostDays { get; init; }

    /// <summary>The grade of each product focus.</summary>
    public required IReadOnlyDictionary<ProductFocus, Grade> FocusGrades { get; init; }

    /// <summary>Mean component score (A=3, B=2, C=1) at or above which the grade is A (default 8/3).</summary>
    public required MeanThreshold AMeanAtLeast { get; init; }

    /// <summary>Mean component score at or above which the grade is B (default 2); below it, C.</summary>
    public required MeanThreshold BMeanAtLeast { get; init; }

    /// <summary>What the Delphi expert score does to the grade.</summary>
    public required ExpertEffect ExpertEffect { get; init; }
}
