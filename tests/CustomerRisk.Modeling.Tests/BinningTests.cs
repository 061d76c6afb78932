using CustomerRisk.Modeling.Binning;
using CustomerRisk.Modeling.Tables;

namespace CustomerRisk.Modeling.Tests;

public sealed class BinningTests
{
    private static readonly (string Name, double Iv)[] PublishedInformationValues =
    [
        ("status_of_existing_checking_account", 0.666012),
        ("duration_in_month", 0.334503),
        ("credit_history", 0.293234),
        ("age_in_years", 0.259651),
        ("savings_account_and_bonds", 0.196010),
        ("purpose", 0.169195),
        ("property", 0.112638),
        ("present_employment_since", 0.086434),
        ("housing", 0.083293),
        ("other_installment_plans", 0.057615),
        ("foreign_worker", 0.043877),
        ("credit_amount", 0.038957),
        ("other_debtors_or_guarantors", 0.032019),
        ("installment_rate_in_percentage_of_disposable_income", 0.026322),
        ("number_of_existing_credits_at_this_bank", 0.013267),
        ("personal_status_and_sex", 0.008840),
        ("job", 0.008763),
        ("telephone", 0.006378),
        ("present_residence_since", 0.003589),
        ("number_of_people_being_liable_to_provide_maintenance_for", 0.000043),
    ];

    [DataSetFact(GermanCredit.File)]
    public void InformationValuePerDistinctValue_ReproducesRScorecardIv_ForAllTwentyVariables()
    {
        var labels = GermanCredit.Bad.Labels;
        foreach (var row in PublishedInformationValues)
        {
            var (name, expected) = row;
            var iv = WoeBinner.InformationValue(GermanCredit.Table.Column(name), labels);
            Assert.True(Math.Abs(iv - expected) < 5e-7, $"{name}: IV {iv:F7}, R scorecard {expected:F6}");
        }
    }

    [DataSetFact(GermanCredit.File)]
    public void CreditAmountAtRBreaks_ReproducesPrintedWoeAndIv()
    {
        var binning = WoeBinner.BinAtBreaks(
            GermanCredit.Table.Column("credit_amount"), GermanCredit.Bad.Labels, [1400, 1800, 4000, 9200]);

        var expected = new (int Goods, int Bads, double Woe, double Iv)[]
        {
            (185, 82, 0.03366128, 0.0003045545),
            (87, 18, -0.72823850, 0.0468153322),
            (287, 95, -0.25830746, 0.0241086966),
            (120, 76, 0.39053946, 0.0319870413),
            (21, 29, 1.17007125, 0.0780047502),
        };
        Assert.Equal(5, binning.Bins.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i].Goods, binning.Bins[i].Goods);
            Assert.Equal(expected[i].Bads, binning.Bins[i].Bads);
            Assert.Equal(expected[i].Woe, binning.Bins[i].Woe, 5e-8);
            Assert.Equal(expected[i].Iv, binning.Bins[i].InformationValue, 5e-10);
        }

        Assert.Equal(0.1812204, binning.InformationValue, 5e-8);
        Assert.Equal("[-Inf,1400)", binning.Bins[0].Label);
        Assert.Equal("[9200,Inf)", binning.Bins[4].Label);
    }

    [DataSetFact(GermanCredit.File)]
    public void HousingPerLevel_ReproducesPrintedWoe()
    {
        var binning = WoeBinner.BinEachValue(GermanCredit.Table.Column("housing"), GermanCredit.Bad.Labels);

        var rent = binning.Bins.Single(b => b.Levels.SequenceEqual(["rent"]));
        var own = binning.Bins.Single(b => b.Levels.SequenceEqual(["own"]));
        Assert.Equal(0.4044452, rent.Woe, 6);
        Assert.Equal(-0.1941560, own.Woe, 6);
        Assert.Equal(0.08329343, binning.InformationValue, 7);
    }

    [DataSetFact(GermanCredit.File)]
    public void VariableFilter_KeepsThirteenGermanCreditVariables_AsRScorecardDoes()
    {
        var screens = VariableFilter.Screen(GermanCredit.Table, GermanCredit.Target, GermanCredit.Bad.Labels);

        Assert.Equal(13, screens.Count(s => s.Kept));
        var foreign = screens.Single(s => s.Variable == "foreign_worker");
        Assert.Equal("identical_rate", foreign.Reason);
        Assert.Equal(0.963, foreign.IdenticalRate, 3);
        Assert.Equal(6, screens.Count(s => s.Reason == "info_value"));
    }

    [Fact]
    public void ZeroBadCell_IsReplacedBy099_BeforeNormalising()
    {
        // Bin 0: 10 goods, 0 bads; bin 1: 10 goods, 5 bads. Substituted bads 0.99 and 5 → total 5.99.
        Span<double> woe = stackalloc double[2];
        Span<double> iv = stackalloc double[2];
        WoeBinner.WeightsOfEvidence([10, 10], [0, 5], woe, iv);

        Assert.Equal(Math.Log((0.99 / 5.99) / 0.5), woe[0], 12);
        Assert.Equal(Math.Log((5 / 5.99) / 0.5), woe[1], 12);
        Assert.Equal(((0.99 / 5.99) - 0.5) * woe[0], iv[0], 12);
    }

    [Fact]
    public void OptimalBinning_GivesMonotoneBadRates_AndRespectsMinimumShare()
    {
        var random = new Random(7);
        var n = 5000;
        var x = new double[n];
        var labels = new byte[n];
        for (var i = 0; i < n; i++)
        {
            x[i] = random.NextDouble() * 100;
            var pd = 1 / (1 + Math.Exp(-((x[i] - 50) / 15)));
            labels[i] = random.NextDouble() < pd ? (byte)1 : (byte)0;
            if (i % 50 == 0)
            {
                x[i] = double.NaN;
            }
        }

        var binning = WoeBinner.Bin(TableColumn.Numeric("x", x), labels);

        var ranges = binning.Bins.Where(b => b.Kind == BinKind.Range).ToList();
        Assert.InRange(ranges.Count, 3, 8);
        for (var i = 1; i < ranges.Count; i++)
        {
            Assert.True(ranges[i].BadRate > ranges[i - 1].BadRate);
            Assert.Equal(ranges[i - 1].Upper, ranges[i].Lower);
        }

        Assert.All(ranges, b => Assert.True(b.Count >= 0.05 * n));
        Assert.Equal(BinKind.Missing, binning.Bins[^1].Kind);
        Assert.Equal(100, binning.Bins[^1].Count);
    }

    [Fact]
    public void CategoryGrouping_OrdersLevelsByBadRate()
    {
        var codes = new int[300];
        var labels = new byte[300];
        for (var i = 0; i < 300; i++)
        {
            codes[i] = i % 3;
            labels[i] = (byte)((i % 3) switch { 0 => i % 2, 1 => i % 10 == 1 ? 1 : 0, _ => i % 5 == 2 ? 1 : 0 });
        }

        var binning = WoeBinner.Bin(TableColumn.Categorical("c", codes, ["high", "low", "mid"]), labels);

        Assert.Equal(["low", "mid", "high"], binning.Bins.Select(b => b.Levels.Single()));
    }

    [Fact]
    public void AllMissingColumn_IsRefusedWithItsName()
    {
        var column = TableColumn.Numeric("empty", [double.NaN, double.NaN, double.NaN]);

        var error = Assert.Throws<ModelingDataException>(() => WoeBinner.Bin(column, [0, 1, 0]));

        Assert.Contains("'empty'", error.Message);
        Assert.Contains("every row is missing", error.Message);
    }
}
