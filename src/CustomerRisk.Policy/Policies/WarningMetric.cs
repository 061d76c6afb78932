namespace CustomerRisk.Policy;

/// <summary>The figures early-warning rules can read (policy code in brackets).</summary>
public enum WarningMetric
{
    /// <summary>Grade steps lost since the previous assessment, A..D only (<c>grade_drop</c>).</summary>
    GradeDrop,

    /// <summary>The Delphi expert score, 1–5 (<c>expert_score</c>).</summary>
    ExpertScore,

    /// <summary>overdue_ar / open_ar, 0–1 (<c>overdue_share</c>).</summary>
    OverdueShare,

    /// <summary>Days past due of the oldest open invoice (<c>oldest_dpd</c>).</summary>
    OldestDpd,

    /// <summary>Exposure / granted limit (<c>utilisation</c>).</summary>
    Utilisation,

    /// <summary>Change of invoice frequency, last 3 months against the prior 9, e.g. −0.6 (<c>frequency_change</c>).</summary>
    FrequencyChange,

    /// <summary>1 when the customer is dormant, else 0 (<c>dormant</c>).</summary>
    Dormant,

    /// <summary>DSO now / DSO 90 days earlier − 1 (<c>dso_change</c>).</summary>
    DsoChange,

    /// <summary>The customer's share of the portfolio's sales_12m, 0–1 (<c>revenue_share</c>).</summary>
    RevenueShare,

    /// <summary>Complaints in the last 90 days (<c>complaints_90d</c>).</summary>
    Complaints90d,

    /// <summary>Broken promises to pay in the last 180 days (<c>broken_promises_180d</c>).</summary>
    BrokenPromises180d,
}
