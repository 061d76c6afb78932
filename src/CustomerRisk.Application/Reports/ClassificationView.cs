namespace CustomerRisk.Application.Reports;

/// <summary>A customer's class (seed 002) and its cell of the value–loyalty grid (seed 004), with the figures it was
/// read from. Codes are those of <c>CustomerClassifier</c>: class <c>high_value</c>, <c>ordinary</c>,
/// <c>high_risk</c>; value <c>high</c>, <c>medium</c>, <c>low</c>; cell e.g. <c>high_value_loyal</c>.</summary>
public sealed record ClassificationView
{
    /// <summary>The customer's key.</summary>
    public required string CustomerId { get; init; }

    /// <summary><c>high_value</c>, <c>ordinary</c> or <c>high_risk</c>.</summary>
    public required string Class { get; init; }

    /// <summary>The value level: <c>high</c>, <c>medium</c> or <c>low</c>.</summary>
    public required string Value { get; init; }

    /// <summary>Whether the customer counts as loyal.</summary>
    public required bool Loyal { get; init; }

    /// <summary>The grid cell's code, e.g. <c>high_value_loyal</c>.</summary>
    public required string GridCell { get; init; }

    /// <summary>The cell's management strategy from the policy.</summary>
    public required string Strategy { get; init; }

    /// <summary>sales_12m, money.</summary>
    public decimal Sales12m { get; init; }

    /// <summary>Claims conceded in the review window, money.</summary>
    public decimal Claims12m { get; init; }

    /// <summary>Net sales: sales_12m less claims, never below 0 (the ledger's margin proxy).</summary>
    public decimal NetSales12m { get; init; }

    /// <summary>The customer's share of the portfolio's net sales, 0–1; null when the portfolio sold nothing. The
    /// value axis of the grid.</summary>
    public decimal? ContributionShare { get; init; }

    /// <summary>Whole months of relationship; null when unknown.</summary>
    public int? HistoryMonths { get; init; }

    /// <summary>frequency_change, a fraction; null when unknown.</summary>
    public decimal? FrequencyChange { get; init; }

    /// <summary>product_focus code, or null when not recorded.</summary>
    public string? ProductFocus { get; init; }

    /// <summary>Whether dormant; null when unknown.</summary>
    public bool? Dormant { get; init; }

    /// <summary>Why, in words, value first.</summary>
    public required IReadOnlyList<string> Reasons { get; init; }
}
