namespace CustomerRisk.Policy;

/// <summary>The figures the expert scorecard reads, mapped by the caller from the indicators as of T. A null figure
/// earns the factor's <c>missing</c> points.</summary>
public sealed record ScoreInputs
{
    /// <summary>net_collection_rate, a fraction (1.00 = 100%).</summary>
    public decimal? NetCollectionRate { get; init; }

    /// <summary>max_days_late over invoices due in W, days.</summary>
    public int? MaxDaysLate { get; init; }

    /// <summary>payment_delay_rate, share of invoices due in W that were late, 0–1.</summary>
    public decimal? PaymentDelayRate { get; init; }

    /// <summary>overdue_ar / open_ar, 0–1; null when open_ar is 0.</summary>
    public decimal? OverdueShare { get; init; }

    /// <summary>Days past due of the oldest open invoice; null when nothing is open.</summary>
    public int? OldestDpd { get; init; }

    /// <summary>Exposure / granted limit; null without a limit.</summary>
    public decimal? Utilisation { get; init; }

    /// <summary>sales_12m in the portfolio currency.</summary>
    public decimal? Sales12m { get; init; }

    /// <summary>The customer's own annual revenue in the portfolio currency.</summary>
    public decimal? AnnualRevenue { get; init; }

    /// <summary>Whole months of relationship (see <see cref="MonthsOfHistory"/>).</summary>
    public int? HistoryMonths { get; init; }

    /// <summary>complaints_90d.</summary>
    public int? Complaints90d { get; init; }

    /// <summary>broken_promises_180d.</summary>
    public int? BrokenPromises180d { get; init; }

    /// <summary>Whole months from customer_since (or, when unknown, the first invoice) to <paramref name="asOf"/>;
    /// null when both are unknown; 0 when the start is after T.</summary>
    public static int? MonthsOfHistory(DateOnly? customerSince, DateOnly? firstInvoice, DateOnly asOf)
    {
        if ((customerSince ?? firstInvoice) is not { } start)
        {
            return null;
        }

        var months = ((asOf.Year - start.Year) * 12) + asOf.Month - start.Month - (asOf.Day < start.Day ? 1 : 0);
        return Math.Max(0, months);
    }

    /// <summary>The value of a metric, or null when unknown.</summary>
    public decimal? ValueOf(ScoreMetric metric) => metric switch
    {
        ScoreMetric.NetCollectionRate => NetCollectionRate,
        ScoreMetric.MaxDaysLate => MaxDaysLate,
        ScoreMetric.PaymentDelayRate => PaymentDelayRate,
        ScoreMetric.OverdueShare => OverdueShare,
        ScoreMetric.OldestDpd => OldestDpd,
        ScoreMetric.Utilisation => Utilisation,
        ScoreMetric.Sales12m => Sales12m,
        ScoreMetric.AnnualRevenue => AnnualRevenue,
        ScoreMetric.HistoryMonths => HistoryMonths,
        ScoreMetric.Complaints90d => Complaints90d,
        ScoreMetric.BrokenPromises180d => BrokenPromises180d,
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "Unknown scorecard metric."),
    };
}
