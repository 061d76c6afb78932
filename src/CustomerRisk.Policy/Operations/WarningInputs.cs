using CustomerRisk.Domain;

namespace CustomerRisk.Policy;

/// <summary>The figures early-warning rules read, mapped by the caller from the latest assessment. A null figure
/// fires no rule.</summary>
public sealed record WarningInputs
{
    /// <summary>The grade now.</summary>
    public Grade? GradeNow { get; init; }

    /// <summary>The grade at the previous assessment.</summary>
    public Grade? GradePrevious { get; init; }

    /// <summary>The Delphi expert score, 1–5.</summary>
    public decimal? ExpertScore { get; init; }

    /// <summary>overdue_ar / open_ar, 0–1.</summary>
    public decimal? OverdueShare { get; init; }

    /// <summary>Days past due of the oldest open invoice.</summary>
    public int? OldestDpd { get; init; }

    /// <summary>Exposure / granted limit.</summary>
    public decimal? Utilisation { get; init; }

    /// <summary>frequency_change, e.g. −0.6 for a 60% drop.</summary>
    public decimal? FrequencyChange { get; init; }

    /// <summary>Whether the customer is dormant.</summary>
    public bool? Dormant { get; init; }

    /// <summary>DSO now, days.</summary>
    public decimal? DsoNow { get; init; }

    /// <summary>DSO computed as of 90 days earlier, days.</summary>
    public decimal? Dso90DaysEarlier { get; init; }

    /// <summary>revenue_share, 0–1.</summary>
    public decimal? RevenueShare { get; init; }

    /// <summary>complaints_90d.</summary>
    public int? Complaints90d { get; init; }

    /// <summary>broken_promises_180d.</summary>
    public int? BrokenPromises180d { get; init; }

    /// <summary>Grade steps lost since the previous assessment (A→C is 2, C→B is −1); null unless both grades are
    /// A..D (N has no place on the scale).</summary>
    public decimal? GradeDrop =>
        GradeNow is { } now && GradePrevious is { } before && now != Grade.N && before != Grade.N
            ? (int)now - (int)before
            : null;

    /// <summary>DSO now / DSO 90 days earlier − 1; null when either is unknown or the earlier DSO is 0.</summary>
    public decimal? DsoChange =>
        DsoNow is { } now && Dso90DaysEarlier is { } before && before > 0m ? (now / before) - 1m : null;

    /// <summary>The value of a metric, or null when unknown.</summary>
    public decimal? ValueOf(WarningMetric metric) => metric switch
    {
        WarningMetric.GradeDrop => GradeDrop,
        WarningMetric.ExpertScore => ExpertScore,
        WarningMetric.OverdueShare => OverdueShare,
        WarningMetric.OldestDpd => OldestDpd,
        WarningMetric.Utilisation => Utilisation,
        WarningMetric.FrequencyChange => FrequencyChange,
        WarningMetric.Dormant => Dormant is { } d ? (d ? 1m : 0m) : null,
        WarningMetric.DsoChange => DsoChange,
        WarningMetric.RevenueShare => RevenueShare,
        WarningMetric.Complaints90d => Complaints90d,
        WarningMetric.BrokenPromises180d => BrokenPromises180d,
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "Unknown warning metric."),
    };
}
