namespace CustomerRisk.Analytics;

/// <summary>The indicators of one customer as of a date T (spec/indicators.md). Money is in the portfolio currency;
/// rates and shares are fractions (0.95, not 95); day counts are whole days. A value the data cannot give is null,
/// never 0 or NaN. Property names are the spec's keys in PascalCase (<c>net_collection_rate</c> →
/// <see cref="NetCollectionRate"/>). The review window W is (T − 365, T]; D is the set of invoices due in W.</summary>
public sealed record CustomerIndicators
{
    /// <summary>The customer's key.</summary>
    public required string CustomerId { get; init; }

    /// <summary>The as-of date T.</summary>
    public required DateOnly AsOf { get; init; }

    /// <summary><c>open_ar</c>: sum of the open amounts of invoices at T, money ≥ 0.</summary>
    public required decimal OpenAr { get; init; }

    /// <summary><c>overdue_ar</c>: the part of open AR with days past due &gt; 0, money ≥ 0.</summary>
    public required decimal OverdueAr { get; init; }

    /// <summary><c>unapplied_credit</c>: cash received on or before T that no invoice has absorbed, money ≥ 0.</summary>
    public required decimal UnappliedCredit { get; init; }

    /// <summary><c>aging</c>: open AR by days past due; the buckets add up to <see cref="OpenAr"/>.</summary>
    public required AgingBuckets Aging { get; init; }

    /// <summary><c>sales_12m</c>: sum of the amounts of invoices issued in W, money ≥ 0.</summary>
    public required decimal Sales12m { get; init; }

    /// <summary><c>ar_turnover</c>: sales_12m / open_ar, times per review window, ≥ 0; null when open AR is 0.</summary>
    public required decimal? ArTurnover { get; init; }

    /// <summary><c>dso</c>: 365 × open_ar / sales_12m, days ≥ 0 (not rounded); 0 when open AR is 0, else null when
    /// sales_12m is 0.</summary>
    public required decimal? Dso { get; init; }

    /// <summary><c>net_collection_rate</c>: (cash applied to D on or before T − claims dated in W) / amount of D, a
    /// fraction, at most 1 and below 0 when claims exceed the cash; exact, not rounded (the rating rounds to 4
    /// places); null when D is empty.</summary>
    public required decimal? NetCollectionRate { get; init; }

    /// <summary><c>max_days_late</c>: the largest days late over D, days ≥ 0; null when D is empty.</summary>
    public required int? MaxDaysLate { get; init; }

    /// <summary><c>avg_days_late</c>: days late over D weighted by invoice amount, days ≥ 0; null when D is
    /// empty.</summary>
    public required decimal? AvgDaysLate { get; init; }

    /// <summary><c>payment_delay_rate</c>: share of D, by count, that is late (settled after its due date, or open
    /// and past due at T), 0–1; null when D is empty.</summary>
    public required decimal? PaymentDelayRate { get; init; }

    /// <summary><c>on_time_rate</c>: 1 − payment_delay_rate, 0–1; null when D is empty.</summary>
    public required decimal? OnTimeRate { get; init; }

    /// <summary><c>invoices_3m</c>: invoices issued in the recent window (T − 91, T], a count ≥ 0.</summary>
    public required int Invoices3m { get; init; }

    /// <summary><c>invoices_prior_9m_monthly</c>: invoices issued in the 273 days before the recent window, per
    /// month (a month being 91 / 3 days), ≥ 0.</summary>
    public required decimal InvoicesPrior9mMonthly { get; init; }

    /// <summary><c>frequency_change</c>: (invoices_3m / 3) / invoices_prior_9m_monthly − 1, a fraction ≥ −1; null
    /// when the prior average is 0.</summary>
    public required decimal? FrequencyChange { get; init; }

    /// <summary><c>amount_change</c>: the same ratio on invoiced amounts, a fraction ≥ −1; null when nothing was
    /// invoiced in the prior 273 days.</summary>
    public required decimal? AmountChange { get; init; }

    /// <summary><c>days_since_last_invoice</c>: T − the latest issue date on or before T, days ≥ 0; null when no
    /// invoice was issued by T.</summary>
    public required int? DaysSinceLastInvoice { get; init; }

    /// <summary><c>typical_interval</c>: the median of the days between consecutive invoices (by issue date) issued in
    /// (T − 730, T], days ≥ 0 (a half day when the middle two differ); null with fewer than 3 such invoices.</summary>
    public required decimal? TypicalInterval { get; init; }

    /// <summary><c>dormant</c>: days_since_last_invoice &gt; max(2 × typical_interval, 30), with 30 alone when there is
    /// no typical interval; null when no invoice was issued by T.</summary>
    public required bool? Dormant { get; init; }

    /// <summary><c>complaints_90d</c>: complaints dated in (T − 90, T], a count ≥ 0.</summary>
    public required int Complaints90d { get; init; }

    /// <summary><c>disputes_90d</c>: disputes dated in (T − 90, T], a count ≥ 0.</summary>
    public required int Disputes90d { get; init; }

    /// <summary><c>broken_promises_180d</c>: broken promises to pay dated in (T − 180, T], a count ≥ 0.</summary>
    public required int BrokenPromises180d { get; init; }

    /// <summary><c>claim_rate_12m</c>: claims dated in W / sales_12m, a fraction ≥ 0; null when sales_12m is 0.</summary>
    public required decimal? ClaimRate12m { get; init; }

    /// <summary>Sum of the claims dated in W, money ≥ 0 (the numerator of claim_rate_12m).</summary>
    public required decimal Claims12m { get; init; }

    /// <summary>Sum of the open sales orders dated on or before T, money (the status is today's, the only one
    /// recorded).</summary>
    public required decimal OpenOrders { get; init; }

    /// <summary><c>exposure</c> before a new order: open_ar + open orders, money (spec/operations.md).</summary>
    public required decimal Exposure { get; init; }

    /// <summary>The largest days past due over invoices open at T, days ≥ 0; 0 when none is open (dunning level, the
    /// order check's 60-day block, the 30-day warning).</summary>
    public required int OldestDaysPastDue { get; init; }

    /// <summary>How many invoices fall due in W (the size of D), ≥ 0; 0 makes the customer N in the rating.</summary>
    public required int InvoicesDueInWindow { get; init; }

    /// <summary>True when an invoice was issued in W (churn: still buying).</summary>
    public required bool HasInvoiceInWindow { get; init; }

    /// <summary>True when an invoice was issued in the prior window (T − 730, T − 365] (churn: the customers that
    /// could churn).</summary>
    public required bool HasInvoiceInPriorWindow { get; init; }
}
