using CustomerRisk.Domain;

namespace CustomerRisk.Policy;

/// <summary>The snake_case codes policy files use for the policy's enums.</summary>
public static class PolicyCodes
{
    /// <summary>Scorecard metric codes.</summary>
    public static readonly IReadOnlyDictionary<string, ScoreMetric> ScoreMetrics = new Dictionary<string, ScoreMetric>(StringComparer.Ordinal)
    {
        ["net_collection_rate"] = ScoreMetric.NetCollectionRate,
        ["max_days_late"] = ScoreMetric.MaxDaysLate,
        ["payment_delay_rate"] = ScoreMetric.PaymentDelayRate,
        ["overdue_share"] = ScoreMetric.OverdueShare,
        ["oldest_dpd"] = ScoreMetric.OldestDpd,
        ["utilisation"] = ScoreMetric.Utilisation,
        ["sales_12m"] = ScoreMetric.Sales12m,
        ["annual_revenue"] = ScoreMetric.AnnualRevenue,
        ["history_months"] = ScoreMetric.HistoryMonths,
        ["complaints_90d"] = ScoreMetric.Complaints90d,
        ["broken_promises_180d"] = ScoreMetric.BrokenPromises180d,
    };

    /// <summary>Warning metric codes.</summary>
    public static readonly IReadOnlyDictionary<string, WarningMetric> WarningMetrics = new Dictionary<string, WarningMetric>(StringComparer.Ordinal)
    {
        ["grade_drop"] = WarningMetric.GradeDrop,
        ["expert_score"] = WarningMetric.ExpertScore,
        ["overdue_share"] = WarningMetric.OverdueShare,
        ["oldest_dpd"] = WarningMetric.OldestDpd,
        ["utilisation"] = WarningMetric.Utilisation,
        ["frequency_change"] = WarningMetric.FrequencyChange,
        ["dormant"] = WarningMetric.Dormant,
        ["dso_change"] = WarningMetric.DsoChange,
        ["revenue_share"] = WarningMetric.RevenueShare,
        ["complaints_90d"] = WarningMetric.Complaints90d,
        ["broken_promises_180d"] = WarningMetric.BrokenPromises180d,
    };

    /// <summary>Comparison codes.</summary>
    public static readonly IReadOnlyDictionary<string, Comparison> Comparisons = new Dictionary<string, Comparison>(StringComparer.Ordinal)
    {
        ["gt"] = Comparison.GreaterThan,
        ["ge"] = Comparison.AtLeast,
        ["lt"] = Comparison.LessThan,
        ["le"] = Comparison.AtMost,
        ["eq"] = Comparison.EqualTo,
        ["is_true"] = Comparison.IsTrue,
    };

    /// <summary>Expert effect codes.</summary>
    public static readonly IReadOnlyDictionary<string, ExpertEffectMode> ExpertEffectModes = new Dictionary<string, ExpertEffectMode>(StringComparer.Ordinal)
    {
        ["inform"] = ExpertEffectMode.Inform,
        ["one_step"] = ExpertEffectMode.OneStep,
    };

    /// <summary>Severity codes.</summary>
    public static readonly IReadOnlyDictionary<string, Severity> Severities = new Dictionary<string, Severity>(StringComparer.Ordinal)
    {
        ["low"] = Severity.Low,
        ["medium"] = Severity.Medium,
        ["high"] = Severity.High,
        ["extreme"] = Severity.Extreme,
    };

    /// <summary>Dunning level codes.</summary>
    public static readonly IReadOnlyDictionary<string, DunningLevel> DunningLevels = new Dictionary<string, DunningLevel>(StringComparer.Ordinal)
    {
        ["L1"] = DunningLevel.L1,
        ["L2"] = DunningLevel.L2,
        ["L3"] = DunningLevel.L3,
        ["L4"] = DunningLevel.L4,
    };

    /// <summary>Product focus codes.</summary>
    public static readonly IReadOnlyDictionary<string, ProductFocus> ProductFocuses = new Dictionary<string, ProductFocus>(StringComparer.Ordinal)
    {
        ["exclusive"] = ProductFocus.Exclusive,
        ["mainly_ours"] = ProductFocus.MainlyOurs,
        ["equal"] = ProductFocus.Equal,
        ["mainly_competitor"] = ProductFocus.MainlyCompetitor,
    };

    private static readonly string[] s_scoreMetricCodes = Inverse(ScoreMetrics);
    private static readonly string[] s_warningMetricCodes = Inverse(WarningMetrics);
    private static readonly string[] s_comparisonCodes = Inverse(Comparisons);
    private static readonly string[] s_severityCodes = Inverse(Severities);

    /// <summary>The code of a scorecard metric.</summary>
    public static string ToCode(this ScoreMetric value) => s_scoreMetricCodes[(int)value];

    /// <summary>The code of a warning metric.</summary>
    public static string ToCode(this WarningMetric value) => s_warningMetricCodes[(int)value];

    /// <summary>The code of a comparison.</summary>
    public static string ToCode(this Comparison value) => Code(s_comparisonCodes, (int)value, value);

    /// <summary>The code of a severity.</summary>
    public static string ToCode(this Severity value) => Code(s_severityCodes, (int)value, value);

    /// <summary>The code of a dunning level (<c>none</c>, <c>L1</c>…<c>L4</c>).</summary>
    public static string ToCode(this DunningLevel value) => value switch
    {
        DunningLevel.None => "none",
        DunningLevel.L1 => "L1",
        DunningLevel.L2 => "L2",
        DunningLevel.L3 => "L3",
        DunningLevel.L4 => "L4",
        _ => value.ToString(),
    };

    // By index, where a search of the dictionary allocated a closure per call (several per customer in a run).
    private static string Code<T>(string[] codes, int index, T value)
        where T : struct, Enum
    {
        return index >= 0 && index < codes.Length && codes[index] is { } code
            ? code
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"No code for {typeof(T).Name} {value}.");
    }

    private static string[] Inverse<T>(IReadOnlyDictionary<string, T> codes)
        where T : struct, Enum
    {
        var names = new string[Enum.GetValues<T>().Length];
        foreach (var (code, value) in codes)
        {
            names[Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture)] = code;
        }

        return names;
    }
}
