using CustomerRisk.Analytics;
using CustomerRisk.Domain;

namespace CustomerRisk.Application.Models;

/// <summary>
/// The inputs of the customer PD model (docs/modeling.md, "The customer PD model"): the indicators as of T
/// (spec/indicators.md), the expert scorecard's inputs that are not indicators themselves, and the customer's master
/// data that does not change with time. The training table and the scoring in `assess` fill them with the same code,
/// so a model sees at scoring exactly what it was trained on. Numbers are as the indicators give them (money in the
/// portfolio currency, rates as fractions, days); a figure the data cannot give is NaN (missing); product focus is a
/// categorical input coded by <see cref="ProductFocus"/> order.
/// </summary>
/// <remarks>Left out on purpose: the granted credit limit and utilisation (the store keeps only today's limit, so at a
/// past snapshot it would be the limit set after the outcome was known, a leak), and industry and region (free text
/// of many levels).</remarks>
public static class PdFeatures
{
    /// <summary>The one categorical input.</summary>
    public const string ProductFocusName = "product_focus";

    private static readonly (string Name, string Label)[] Inputs =
    [
        ("open_ar", "open receivables"),
        ("overdue_ar", "overdue receivables"),
        ("overdue_share", "overdue share of open receivables"),
        ("unapplied_credit", "unapplied credit"),
        ("aging_d1_30_share", "share of open receivables 1-30 days past due"),
        ("aging_d31_60_share", "share of open receivables 31-60 days past due"),
        ("aging_d61_90_share", "share of open receivables 61-90 days past due"),
        ("sales_12m", "sales in the last 12 months"),
        ("ar_turnover", "receivables turnover"),
        ("dso", "days sales outstanding"),
        ("net_collection_rate", "net collection rate"),
        ("max_days_late", "worst lateness"),
        ("avg_days_late", "average lateness"),
        ("payment_delay_rate", "share of invoices paid late"),
        ("invoices_3m", "invoices in the last 3 months"),
        ("invoices_prior_9m_monthly", "invoices per month in the 9 months before"),
        ("frequency_change", "change in buying frequency"),
        ("amount_change", "change in amounts bought"),
        ("days_since_last_invoice", "days since the last invoice"),
        ("typical_interval", "typical days between invoices"),
        ("dormant", "dormant"),
        ("complaints_90d", "complaints in 90 days"),
        ("disputes_90d", "disputes in 90 days"),
        ("broken_promises_180d", "broken promises in 180 days"),
        ("claim_rate_12m", "claim rate"),
        ("open_orders", "open sales orders"),
        ("exposure", "exposure"),
        ("oldest_dpd", "days past due of the oldest open invoice"),
        ("invoices_due_12m", "invoices due in the last 12 months"),
        ("history_months", "months of relationship"),
        ("payment_terms_days", "payment terms"),
        ("annual_revenue", "the customer's annual revenue"),
        (ProductFocusName, "product focus"),
    ];

    private static readonly Dictionary<string, int> IndexByName = Build();

    /// <summary>The number of inputs.</summary>
    public static int Count => Inputs.Length;

    /// <summary>The input names in vector order (the training table's feature columns).</summary>
    public static IReadOnlyList<string> Names { get; } = Inputs.Select(i => i.Name).ToArray();

    /// <summary>The index of <see cref="ProductFocusName"/> in the vector.</summary>
    public static int ProductFocusIndex { get; } = Array.FindIndex(Inputs, i => i.Name == ProductFocusName);

    /// <summary>The product focus levels in code order (their spec codes: <c>exclusive</c>, …).</summary>
    public static IReadOnlyList<string> ProductFocusLevels { get; } =
        Enum.GetValues<ProductFocus>().Select(f => f.ToCode()).ToArray();

    /// <summary>The vector index of an input, or -1 when there is none of that name.</summary>
    public static int IndexOf(string name) => IndexByName.GetValueOrDefault(name, -1);

    /// <summary>A credit manager's words for an input (for reasons).</summary>
    public static string LabelOf(int index) => Inputs[index].Label;

    /// <summary>Fills the inputs of one customer as of the indicators' date. Allocates nothing.</summary>
    /// <param name="customer">Master data.</param>
    /// <param name="now">The indicators as of T.</param>
    /// <param name="historyMonths">Whole months of relationship at T (<c>ScoreInputs.MonthsOfHistory</c>); null when
    /// unknown.</param>
    /// <param name="values">Receives <see cref="Count"/> values in <see cref="Names"/> order.</param>
    public static void Fill(Customer customer, CustomerIndicators now, int? historyMonths, Span<double> values)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(now);
        if (values.Length < Inputs.Length)
        {
            throw new ArgumentException($"Room for {values.Length} inputs; the PD model has {Inputs.Length}.", nameof(values));
        }

        var open = now.OpenAr;
        var i = 0;
        values[i++] = (double)open;
        values[i++] = (double)now.OverdueAr;
        values[i++] = Share(now.OverdueAr, open);
        values[i++] = (double)now.UnappliedCredit;
        values[i++] = Share(now.Aging.D1To30, open);
        values[i++] = Share(now.Aging.D31To60, open);
        values[i++] = Share(now.Aging.D61To90, open);
        values[i++] = (double)now.Sales12m;
        values[i++] = Number(now.ArTurnover);
        values[i++] = Number(now.Dso);
        values[i++] = Number(now.NetCollectionRate);
        values[i++] = Number(now.MaxDaysLate);
        values[i++] = Number(now.AvgDaysLate);
        values[i++] = Number(now.PaymentDelayRate);
        values[i++] = now.Invoices3m;
        values[i++] = (double)now.InvoicesPrior9mMonthly;
        values[i++] = Number(now.FrequencyChange);
        values[i++] = Number(now.AmountChange);
        values[i++] = Number(now.DaysSinceLastInvoice);
        values[i++] = Number(now.TypicalInterval);
        values[i++] = now.Dormant is { } dormant ? (dormant ? 1 : 0) : double.NaN;
        values[i++] = now.Complaints90d;
        values[i++] = now.Disputes90d;
        values[i++] = now.BrokenPromises180d;
        values[i++] = Number(now.ClaimRate12m);
        values[i++] = (double)now.OpenOrders;
        values[i++] = (double)now.Exposure;
        values[i++] = now.OldestDaysPastDue;
        values[i++] = now.InvoicesDueInWindow;
        values[i++] = Number(historyMonths);
        values[i++] = customer.PaymentTermsDays;
        values[i++] = Number(customer.AnnualRevenue);
        values[i++] = customer.ProductFocus is { } focus ? (int)focus : double.NaN;
    }

    private static double Share(decimal part, decimal whole) => whole > 0m ? (double)(part / whole) : double.NaN;

    private static double Number(decimal? value) => value is { } v ? (double)v : double.NaN;

    private static double Number(int? value) => value is { } v ? v : double.NaN;

    private static Dictionary<string, int> Build()
    {
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < Inputs.Length; i++)
        {
            map.Add(Inputs[i].Name, i);
        }

        return map;
    }
}
