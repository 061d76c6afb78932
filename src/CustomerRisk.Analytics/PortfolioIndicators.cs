namespace CustomerRisk.Analytics;

/// <summary>The portfolio's indicators as of a date (spec/indicators.md, Portfolio): sums over customers, DSO from the
/// summed amounts, concentration and churn. Money in the portfolio currency; shares are fractions 0–1.</summary>
public sealed record PortfolioIndicators
{
    /// <summary>The as-of date T.</summary>
    public required DateOnly AsOf { get; init; }

    /// <summary><c>customers</c>: how many customers were added.</summary>
    public required int Customers { get; init; }

    /// <summary><c>open_ar</c>: the sum of the customers' open AR, money ≥ 0.</summary>
    public required decimal OpenAr { get; init; }

    /// <summary><c>overdue_ar</c>: the sum of the customers' overdue AR, money ≥ 0.</summary>
    public required decimal OverdueAr { get; init; }

    /// <summary>The sum of the customers' unapplied credit, money ≥ 0.</summary>
    public required decimal UnappliedCredit { get; init; }

    /// <summary><c>aging</c>: the customers' agings added bucket by bucket.</summary>
    public required AgingBuckets Aging { get; init; }

    /// <summary><c>sales_12m</c>: the sum of the customers' sales in W, money ≥ 0.</summary>
    public required decimal Sales12m { get; init; }

    /// <summary><c>dso</c>: 365 × open_ar / sales_12m over the sums (not an average of DSOs), days ≥ 0; 0 when open AR
    /// is 0, else null when sales are 0.</summary>
    public required decimal? Dso { get; init; }

    /// <summary>The sum of the customers' exposure (open AR + open orders), money; the denominator of a customer's
    /// impact level in the risk matrix.</summary>
    public required decimal Exposure { get; init; }

    /// <summary><c>hhi</c>: Σ revenue_share² over customers, 0–1 (1 = one customer holds all sales); null when
    /// portfolio sales are 0.</summary>
    public required decimal? Hhi { get; init; }

    /// <summary><c>top5_share</c>: the five largest customers' share of sales_12m, 0–1; null when sales are 0.</summary>
    public required decimal? Top5Share { get; init; }

    /// <summary><c>top10_share</c>: the ten largest customers' share of sales_12m, 0–1; null when sales are 0.</summary>
    public required decimal? Top10Share { get; init; }

    /// <summary>How many customers had an invoice in the prior window (the base of churn).</summary>
    public required int CustomersActiveInPriorWindow { get; init; }

    /// <summary>How many of those had no invoice in W.</summary>
    public required int CustomersChurned { get; init; }

    /// <summary><c>churn_rate</c>: of the customers with an invoice in the prior window, the share with none in W,
    /// 0–1; null when no customer had one in the prior window.</summary>
    public required decimal? ChurnRate { get; init; }

    /// <summary><c>revenue_share</c> of a customer: its sales_12m / the portfolio's, a fraction 0–1 (exact, not
    /// rounded); null when the portfolio's sales are 0.</summary>
    /// <param name="sales12m">The customer's <see cref="CustomerIndicators.Sales12m"/>.</param>
    public decimal? RevenueShare(decimal sales12m) => Sales12m == 0m ? null : sales12m / Sales12m;

    /// <summary>A customer's exposure as a share of the portfolio's, a fraction; null when the portfolio's exposure
    /// is 0 (the impact level of the risk matrix, spec/operations.md).</summary>
    /// <param name="exposure">The customer's <see cref="CustomerIndicators.Exposure"/>.</param>
    public decimal? ExposureShare(decimal exposure) => Exposure == 0m ? null : exposure / Exposure;
}
