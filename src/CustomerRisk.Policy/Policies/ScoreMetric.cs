namespace CustomerRisk.Policy;

/// <summary>The figures the expert scorecard can read (policy code in brackets).</summary>
public enum ScoreMetric
{
    /// <summary>Net collection rate, fraction (<c>net_collection_rate</c>).</summary>
    NetCollectionRate,

    /// <summary>Largest days late over invoices due in the window (<c>max_days_late</c>).</summary>
    MaxDaysLate,

    /// <summary>Share of invoices due in the window that were late, 0–1 (<c>payment_delay_rate</c>).</summary>
    PaymentDelayRate,

    /// <summary>overdue_ar / open_ar, 0–1 (<c>overdue_share</c>).</summary>
    OverdueShare,

    /// <summary>Days past due of the oldest open invoice (<c>oldest_dpd</c>).</summary>
    OldestDpd,

    /// <summary>Exposure / granted limit (<c>utilisation</c>).</summary>
    Utilisation,

    /// <summary>Sales of the last 12 months in the portfolio currency (<c>sales_12m</c>).</summary>
    Sales12m,

    /// <summary>The customer's own annual revenue in the portfolio currency (<c>annual_revenue</c>).</summary>
    AnnualRevenue,

    /// <summary>Whole months since customer_since or the first invoice (<c>history_months</c>).</summary>
    HistoryMonths,

    /// <summary>Complaints in the last 90 days (<c>complaints_90d</c>).</summary>
    Complaints90d,

    /// <summary>Broken promises to pay in the last 180 days (<c>broken_promises_180d</c>).</summary>
    BrokenPromises180d,
}
