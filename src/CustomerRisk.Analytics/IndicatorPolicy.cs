using System.Collections.Immutable;

namespace CustomerRisk.Analytics;

/// <summary>The settings of the indicators (spec/indicators.md): window lengths, aging bucket edges and the tolerance
/// within which an invoice counts as settled. Every length is in days. Immutable and thread-safe; call
/// <see cref="Validate"/> (the calculator does) before use.</summary>
public sealed record IndicatorPolicy
{
    /// <summary>The defaults of spec/indicators.md.</summary>
    public static IndicatorPolicy Default { get; } = new();

    /// <summary>Length of the review window W = (T − days, T], in days; default 365. Also the 365 of DSO.</summary>
    public int ReviewWindowDays { get; init; } = 365;

    /// <summary>Length of the prior window, which ends where W begins: (T − review − prior, T − review]; default 365.
    /// Used for churn.</summary>
    public int PriorWindowDays { get; init; } = 365;

    /// <summary>Upper edges, in days past due, of the first five aging buckets: default 0, 30, 60, 90, 180 giving
    /// <c>current</c> (dpd ≤ 0), <c>d1_30</c>, <c>d31_60</c>, <c>d61_90</c>, <c>d91_180</c>, and <c>d181_plus</c>
    /// for the rest. Exactly five, strictly increasing, the first ≥ 0.</summary>
    public ImmutableArray<int> AgingBucketEdges { get; init; } = [0, 30, 60, 90, 180];

    /// <summary>The recent window of <c>invoices_3m</c> (counted as 3 months), in days; default 91.</summary>
    public int RecentWindowDays { get; init; } = 91;

    /// <summary>The window just before the recent one that gives the prior monthly average, in days; default 273
    /// (9 months of 91 / 3 days).</summary>
    public int PriorBehaviourWindowDays { get; init; } = 273;

    /// <summary>How far back <c>typical_interval</c> looks, in days; default 730.</summary>
    public int IntervalLookbackDays { get; init; } = 730;

    /// <summary>The window of <c>complaints_90d</c> and <c>disputes_90d</c>, in days; default 90.</summary>
    public int ComplaintsWindowDays { get; init; } = 90;

    /// <summary>The window of <c>broken_promises_180d</c>, in days; default 180.</summary>
    public int BrokenPromisesWindowDays { get; init; } = 180;

    /// <summary>An invoice whose open amount is at most this much is settled (money, ≥ 0 and &lt; 1); default 0.005.</summary>
    public decimal SettleTolerance { get; init; } = 0.005m;

    /// <summary>Checks the settings.</summary>
    /// <returns>This policy, so a caller can write <c>policy.Validate()</c> inline.</returns>
    /// <exception cref="ArgumentException">A window is not positive, the bucket edges are not five strictly
    /// increasing non-negative numbers, or the tolerance is outside [0, 1).</exception>
    public IndicatorPolicy Validate()
    {
        RequirePositive(ReviewWindowDays, nameof(ReviewWindowDays));
        RequirePositive(PriorWindowDays, nameof(PriorWindowDays));
        RequirePositive(RecentWindowDays, nameof(RecentWindowDays));
        RequirePositive(PriorBehaviourWindowDays, nameof(PriorBehaviourWindowDays));
        RequirePositive(IntervalLookbackDays, nameof(IntervalLookbackDays));
        RequirePositive(ComplaintsWindowDays, nameof(ComplaintsWindowDays));
        RequirePositive(BrokenPromisesWindowDays, nameof(BrokenPromisesWindowDays));

        // Windows reach back from T; keep them inside the calendar's range of about 3.6 million days.
        const int maxWindow = 100 * 366;
        if (ReviewWindowDays + PriorWindowDays > maxWindow || RecentWindowDays + PriorBehaviourWindowDays > maxWindow
            || IntervalLookbackDays > maxWindow || ComplaintsWindowDays > maxWindow || BrokenPromisesWindowDays > maxWindow)
        {
            throw new ArgumentException($"Indicator windows may reach back at most {maxWindow} days.", nameof(ReviewWindowDays));
        }

        if (AgingBucketEdges.IsDefault || AgingBucketEdges.Length != 5)
        {
            throw new ArgumentException(
                $"{nameof(AgingBucketEdges)} must hold exactly five upper edges in days past due (default 0, 30, 60, 90, 180); got {Describe(AgingBucketEdges)}.",
                nameof(AgingBucketEdges));
        }

        if (AgingBucketEdges[0] < 0)
        {
            throw new ArgumentException(
                $"{nameof(AgingBucketEdges)} must start at 0 days past due or later; got {Describe(AgingBucketEdges)}.",
                nameof(AgingBucketEdges));
        }

        for (var i = 1; i < AgingBucketEdges.Length; i++)
        {
            if (AgingBucketEdges[i] <= AgingBucketEdges[i - 1])
            {
                throw new ArgumentException(
                    $"{nameof(AgingBucketEdges)} must be strictly increasing; got {Describe(AgingBucketEdges)}.",
                    nameof(AgingBucketEdges));
            }
        }

        if (SettleTolerance < 0m || SettleTolerance >= 1m)
        {
            throw new ArgumentException(
                $"{nameof(SettleTolerance)} must be at least 0 and below 1; got {SettleTolerance}.", nameof(SettleTolerance));
        }

        return this;
    }

    private static void RequirePositive(int days, string name)
    {
        if (days <= 0)
        {
            throw new ArgumentException($"{name} must be a positive number of days; got {days}.", name);
        }
    }

    private static string Describe(ImmutableArray<int> edges) =>
        edges.IsDefault ? "none" : "[" + string.Join(", ", edges) + "]";
}
