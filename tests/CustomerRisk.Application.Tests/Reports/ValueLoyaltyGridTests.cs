using CustomerRisk.Analytics;
using CustomerRisk.Application.Assess;
using CustomerRisk.Application.Reports;
using CustomerRisk.Domain;
using CustomerRisk.Policy;

namespace CustomerRisk.Application.Tests.Reports;

/// <summary>The classes and the value–loyalty grid at and beside each threshold of the default policy: value high
/// from 2% of the portfolio's net sales, medium from 0.5%; high-risk at grade D or PD above 10%; loyal from 24 months,
/// with a frequency change of −50% or better, a loyal focus and not dormant. The portfolio's net sales are 10,000 in
/// every case, so a customer's net sales of 200 are exactly 2%.</summary>
public sealed class ValueLoyaltyGridTests
{
    private static readonly DateOnly AsOf = new(2025, 6, 30);

    [Theory]
    [InlineData("200", "0", "high", "high_value")]
    [InlineData("199.99", "0", "medium", "ordinary")]
    [InlineData("250", "50", "high", "high_value")]      // net 200: exactly 2%
    [InlineData("250", "50.01", "medium", "ordinary")]   // the claims take it below 2%: the margin proxy counts
    [InlineData("50", "0", "medium", "ordinary")]        // exactly 0.5%
    [InlineData("49.99", "0", "low", "ordinary")]
    [InlineData("100", "300", "low", "ordinary")]        // claims above sales: net 0, never negative
    public void Value_IsTheShareOfThePortfoliosNetSales(string sales, string claims, string value, string customerClass)
    {
        var view = ValueLoyaltyGrid.Classify(Assessment(sales: decimal.Parse(sales, System.Globalization.CultureInfo.InvariantCulture)),
            Profile(claims: decimal.Parse(claims, System.Globalization.CultureInfo.InvariantCulture)), 10_000m, CreditPolicy.Default);

        Assert.Equal(value, view.Value);
        Assert.Equal(customerClass, view.Class);
        Assert.True(view.NetSales12m >= 0m);
        Assert.StartsWith($"value {value}:", view.Reasons[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("A", "0.10", "high_value")]
    [InlineData("A", "0.100001", "high_risk")]
    [InlineData("C", "0.05", "high_value")]
    [InlineData("D", "0.001", "high_risk")]
    public void HighRisk_ComesBeforeValue(string grade, string pd, string customerClass)
    {
        var view = ValueLoyaltyGrid.Classify(Assessment(sales: 5_000m, grade: grade, pd: decimal.Parse(pd, System.Globalization.CultureInfo.InvariantCulture)),
            Profile(), 10_000m, CreditPolicy.Default);

        Assert.Equal(customerClass, view.Class);
        Assert.Equal("high", view.Value);   // the cell keeps the value even for a high-risk customer
    }

    [Theory]
    [InlineData("2023-06-30", 24, true)]
    [InlineData("2023-07-01", 23, false)]
    public void Loyalty_NeedsTwentyFourMonthsAsACustomer(string since, int months, bool loyal)
    {
        var profile = CustomerProfile.FromLedger(Ledger(customerSince: L.D(since)), AsOf);

        var view = ValueLoyaltyGrid.Classify(Assessment(sales: 100m), profile, 10_000m, CreditPolicy.Default);

        Assert.Equal(months, profile.HistoryMonths);
        Assert.Equal(loyal, view.Loyal);
    }

    [Fact]
    public void Tenure_CountsFromTheFirstInvoice_WhenCustomerSinceIsUnknown()
    {
        var ledger = Ledger(customerSince: null, invoiceIssued: [L.D("2023-06-30"), L.D("2024-01-15")]);

        Assert.Equal(24, CustomerProfile.FromLedger(ledger, AsOf).HistoryMonths);
        Assert.Null(CustomerProfile.FromLedger(Ledger(customerSince: null), AsOf).HistoryMonths);
    }

    [Theory]
    [InlineData("-0.50", ProductFocus.Exclusive, false, true)]
    [InlineData("-0.5001", ProductFocus.Exclusive, false, false)]
    [InlineData("0.20", ProductFocus.MainlyOurs, false, true)]
    [InlineData("0.20", ProductFocus.Equal, false, false)]
    [InlineData("0.20", ProductFocus.Exclusive, true, false)]
    public void Loyalty_NeedsSteadyPurchasesALoyalFocusAndActivity(string frequencyChange, ProductFocus focus, bool dormant, bool loyal)
    {
        var assessment = Assessment(sales: 100m) with
        {
            FrequencyChange = decimal.Parse(frequencyChange, System.Globalization.CultureInfo.InvariantCulture),
            Dormant = dormant,
        };

        var view = ValueLoyaltyGrid.Classify(assessment, Profile(focus: focus), 10_000m, CreditPolicy.Default);

        Assert.Equal(loyal, view.Loyal);
    }

    [Fact]
    public void UnknownFocusAndTrend_AreLeftOut()
    {
        var view = ValueLoyaltyGrid.Classify(Assessment(sales: 100m) with { FrequencyChange = null, Dormant = null },
            Profile(focus: null), 10_000m, CreditPolicy.Default);

        Assert.True(view.Loyal);
        Assert.Equal("medium_value_loyal", view.GridCell);   // 100 of 10,000: 1%
        Assert.Equal("develop: widen the business", view.Strategy);
    }

    [Fact]
    public void ClaimsCount_OnlyInsideTheReviewWindow()
    {
        var ledger = Ledger(customerSince: L.D("2020-01-01"), claims:
        [
            new ClaimLine(AsOf.AddDays(-365), 100m),   // the window is (T−365, T]: out
            new ClaimLine(AsOf.AddDays(-364), 10m),
            new ClaimLine(AsOf, 1m),
            new ClaimLine(AsOf.AddDays(1), 1_000m),    // after T: out
        ]);

        Assert.Equal(11m, CustomerProfile.FromLedger(ledger, AsOf).Claims12m);
    }

    [Fact]
    public void PortfolioGrid_CountsCustomersAndReceivablesPerCell_AndAlwaysHasSixCells()
    {
        // Net sales 6,000 + 3,000 + 900 + 100 = 10,000: shares 60% (high), 30% (high), 9% (high), 1% (medium).
        var assessments = new[]
        {
            Assessment("K1", sales: 6_000m) with { OpenAr = 1_000m },
            Assessment("K2", sales: 3_000m, grade: "D") with { OpenAr = 500m },
            Assessment("K3", sales: 900m) with { OpenAr = 250m, Dormant = true },
            Assessment("K4", sales: 100m) with { OpenAr = 40m },
        };
        var profiles = assessments.ToDictionary(a => a.CustomerId, a => Profile() with { CustomerId = a.CustomerId });

        var classes = ValueLoyaltyGrid.Classify(assessments, profiles, CreditPolicy.Default);
        var grid = ValueLoyaltyGrid.Grid(classes, assessments, CreditPolicy.Default);
        var rows = ValueLoyaltyGrid.Classes(classes, assessments);

        Assert.Equal(["high_value_loyal", "high_value_disloyal", "medium_value_loyal", "medium_value_disloyal", "low_value_loyal", "low_value_disloyal"], grid.Select(c => c.Cell));
        Assert.Equal([2, 1, 1, 0, 0, 0], grid.Select(c => c.Customers));
        Assert.Equal([1_500m, 250m, 40m, 0m, 0m, 0m], grid.Select(c => c.OpenAr));
        Assert.Equal([1, 0, 0, 0, 0, 0], grid.Select(c => c.HighRisk));
        Assert.Equal([("high_value", 2, 1_250m), ("ordinary", 1, 40m), ("high_risk", 1, 500m)], rows.Select(r => (r.Class, r.Customers, r.OpenAr)));
    }

    [Fact]
    public void EmptyPortfolio_HasNoShareAndLowValue()
    {
        var view = ValueLoyaltyGrid.Classify(Assessment(sales: 0m), Profile(), 0m, CreditPolicy.Default);

        Assert.Null(view.ContributionShare);
        Assert.Equal("low", view.Value);
    }

    private static CustomerProfile Profile(decimal claims = 0m, ProductFocus? focus = ProductFocus.Exclusive) => new()
    {
        CustomerId = "K",
        Claims12m = claims,
        ProductFocus = focus,
        CustomerSince = new DateOnly(2015, 1, 1),
        HistoryMonths = 120,
    };

    internal static CustomerAssessment Assessment(string id = "K", decimal sales = 0m, string grade = "A", decimal pd = 0.01m) => new()
    {
        CustomerId = id,
        AsOf = AsOf,
        Grade = grade,
        GradeComponents = new GradeComponents("A", "A", "A"),
        Vetoed = grade == "D",
        Pd = pd,
        ScoreModel = "expert_scorecard",
        ScoreReasons = [],
        Aging = new AgingOutput(0m, 0m, 0m, 0m, 0m, 0m),
        Sales12m = sales,
        FrequencyChange = 0m,
        Dormant = false,
        Requirement = "none",
        DunningLevel = "none",
        RiskSeverity = "low",
        Alerts = [],
        PolicyVersion = "test",
    };

    private static CustomerLedger Ledger(DateOnly? customerSince, DateOnly[]? invoiceIssued = null, ClaimLine[]? claims = null) => new()
    {
        Customer = new Customer { CustomerId = "K", Name = "K", CustomerSince = customerSince },
        Invoices = (invoiceIssued ?? []).Select(d => new InvoiceLine(d, d.AddDays(30), 100m)).ToArray(),
        Claims = claims ?? [],
    };
}
