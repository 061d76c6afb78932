using CustomerRisk.Application.Assess;
using CustomerRisk.Domain;
using CustomerRisk.Policy;

namespace CustomerRisk.Application.Reports;

/// <summary>The customer classes (seed 002: high-value, ordinary, high-risk) and the value–loyalty grid (seed 004:
/// 价值—忠诚方格) for assessed customers. The rules and thresholds are <see cref="CustomerClassifier"/>'s and the
/// policy's (<c>classification:</c>); this class supplies the value figure: the customer's share of the portfolio's
/// <b>net sales</b> over the review window — sales_12m less the claims conceded in it, the margin proxy the ledger
/// has — and the tenure and product focus from the customer's record. See docs/reports.md.</summary>
public static class ValueLoyaltyGrid
{
    private static readonly string[] s_valueCodes = ["high", "medium", "low"];

    /// <summary>Net sales: sales less claims, never below 0 (money).</summary>
    public static decimal NetSales(decimal sales12m, decimal claims12m) => Math.Max(0m, sales12m - claims12m);

    /// <summary>Classifies every assessed customer. Customers without a profile count as having no claims and an
    /// unknown history (not loyal).</summary>
    public static IReadOnlyList<ClassificationView> Classify(IReadOnlyList<CustomerAssessment> assessments,
        IReadOnlyDictionary<string, CustomerProfile> profiles, CreditPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(assessments);
        ArgumentNullException.ThrowIfNull(profiles);
        ArgumentNullException.ThrowIfNull(policy);
        var total = PortfolioNetSales(assessments, profiles);
        var views = new ClassificationView[assessments.Count];
        for (var i = 0; i < views.Length; i++)
        {
            var assessment = assessments[i];
            views[i] = Classify(assessment, profiles.GetValueOrDefault(assessment.CustomerId), total, policy);
        }

        return views;
    }

    /// <summary>The portfolio's net sales: the sum of every customer's <see cref="NetSales"/>.</summary>
    public static decimal PortfolioNetSales(IReadOnlyList<CustomerAssessment> assessments,
        IReadOnlyDictionary<string, CustomerProfile> profiles)
    {
        ArgumentNullException.ThrowIfNull(assessments);
        ArgumentNullException.ThrowIfNull(profiles);
        var total = 0m;
        foreach (var assessment in assessments)
        {
            total += NetSales(assessment.Sales12m, profiles.GetValueOrDefault(assessment.CustomerId)?.Claims12m ?? 0m);
        }

        return total;
    }

    /// <summary>Classifies one customer of a portfolio whose net sales are <paramref name="portfolioNetSales"/>.</summary>
    public static ClassificationView Classify(CustomerAssessment assessment, CustomerProfile? profile,
        decimal portfolioNetSales, CreditPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        ArgumentNullException.ThrowIfNull(policy);
        var claims = profile?.Claims12m ?? 0m;
        var net = NetSales(assessment.Sales12m, claims);
        decimal? share = portfolioNetSales > 0m ? net / portfolioNetSales : null;
        var grade = Enum.Parse<Grade>(assessment.Grade);
        var result = CustomerClassifier.Classify(
            new ClassificationInputs(grade, assessment.Pd, share, profile?.HistoryMonths, profile?.ProductFocus,
                assessment.FrequencyChange, assessment.Dormant),
            policy);
        var value = result.Value.ToString().ToLowerInvariant();
        var reasons = new List<string>(result.Reasons.Count)
        {
            share is { } s
                ? $"value {value}: {ReportFormat.Percent(s)} of the portfolio's net sales (sales less claims, 12 months)"
                : $"value {value}: the portfolio has no net sales in the last 12 months",
        };
        // The classifier words its value reason as a revenue share; ours is the net-sales share above.
        reasons.AddRange(result.Reasons.Where(r => !r.StartsWith("value ", StringComparison.Ordinal)));
        return new ClassificationView
        {
            CustomerId = assessment.CustomerId,
            Class = result.Class.ToCode(),
            Value = value,
            Loyal = result.Loyal,
            GridCell = result.GridCell,
            Strategy = result.Strategy,
            Sales12m = assessment.Sales12m,
            Claims12m = Math.Round(claims, 2, MidpointRounding.AwayFromZero),
            NetSales12m = Math.Round(net, 2, MidpointRounding.AwayFromZero),
            ContributionShare = share is { } v ? Math.Round(v, 6, MidpointRounding.AwayFromZero) : null,
            HistoryMonths = profile?.HistoryMonths,
            FrequencyChange = assessment.FrequencyChange,
            ProductFocus = profile?.ProductFocus?.ToCode(),
            Dormant = assessment.Dormant,
            Reasons = reasons,
        };
    }

    /// <summary>The six cells of the grid, high value first and loyal before not loyal, with the customers and open
    /// receivables in each (empty cells included, so the grid always has its shape).</summary>
    public static IReadOnlyList<GridCellView> Grid(IReadOnlyList<ClassificationView> classes,
        IReadOnlyList<CustomerAssessment> assessments, CreditPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(classes);
        ArgumentNullException.ThrowIfNull(assessments);
        ArgumentNullException.ThrowIfNull(policy);
        var openAr = assessments.ToDictionary(a => a.CustomerId, a => a.OpenAr, StringComparer.Ordinal);
        var cells = new List<GridCellView>(6);
        foreach (var value in s_valueCodes)
        {
            foreach (var loyal in new[] { true, false })
            {
                var level = Enum.Parse<ValueLevel>(value, ignoreCase: true);
                var code = $"{value}_value_{(loyal ? "loyal" : "disloyal")}";
                var members = classes.Where(c => c.GridCell == code).ToArray();
                cells.Add(new GridCellView(value, loyal, code, policy.Classification.Grid[(level, loyal)], members.Length,
                    members.Sum(m => openAr.GetValueOrDefault(m.CustomerId)),
                    members.Count(m => m.Class == "high_risk")));
            }
        }

        return cells;
    }

    /// <summary>The three classes with their customers, open receivables and exposure, in the order high-value,
    /// ordinary, high-risk.</summary>
    public static IReadOnlyList<ClassRow> Classes(IReadOnlyList<ClassificationView> classes, IReadOnlyList<CustomerAssessment> assessments)
    {
        ArgumentNullException.ThrowIfNull(classes);
        ArgumentNullException.ThrowIfNull(assessments);
        var byId = assessments.ToDictionary(a => a.CustomerId, StringComparer.Ordinal);
        return new[] { CustomerClass.HighValue, CustomerClass.Ordinary, CustomerClass.HighRisk }
            .Select(c => c.ToCode())
            .Select(code =>
            {
                var members = classes.Where(c => c.Class == code).Select(c => byId[c.CustomerId]).ToArray();
                return new ClassRow(code, members.Length, members.Sum(m => m.OpenAr), members.Sum(m => m.Exposure));
            })
            .ToArray();
    }
}
