using CustomerRisk.Application.WorkQueues;
using FsCheck;
using FsCheck.Fluent;

namespace CustomerRisk.Application.Tests.WorkQueues;

public sealed class RankKeyTests
{
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(2000);

    // Decimals of every scale and size, both signs, with many ties and near-ties.
    private static readonly Gen<decimal> Decimals =
        from units in Gen.Choose(-1_000_000, 1_000_000)
        from scale in Gen.Choose(0, 28)
        from big in Gen.Elements(1m, 1_000_000_000_000m, 79_228_162_514_264m)
        select new decimal(Math.Abs(units), 0, 0, units < 0, (byte)scale) * (scale == 0 ? big : 1m);

    [Fact]
    public void Ascending_SortsDecimalsInOrdinalOrder_AsTheirValues()
    {
        Check.One(Runs, Prop.ForAll(Decimals.Two().ToArbitrary(), pair =>
        {
            var (a, b) = pair;
            Assert.Equal(Math.Sign(a.CompareTo(b)), Math.Sign(string.CompareOrdinal(RankKey.Ascending(a), RankKey.Ascending(b))));
            Assert.Equal(Math.Sign(b.CompareTo(a)), Math.Sign(string.CompareOrdinal(RankKey.Descending(a), RankKey.Descending(b))));
        }));
    }

    [Fact]
    public void Ascending_SortsWholeNumbersInOrdinalOrder_AsTheirValues()
    {
        var longs = Gen.Elements(long.MinValue, long.MinValue + 1, -1L, 0L, 1L, long.MaxValue - 1, long.MaxValue)
            .Or(Gen.Choose(-5000, 5000).Select(i => (long)i))
            .Or(Gen.Choose(int.MinValue, int.MaxValue).Select(i => (long)i * 1_000_003L));
        Check.One(Runs, Prop.ForAll(longs.Two().ToArbitrary(), pair =>
        {
            var (a, b) = pair;
            Assert.Equal(Math.Sign(a.CompareTo(b)), Math.Sign(string.CompareOrdinal(RankKey.Ascending(a), RankKey.Ascending(b))));
            Assert.Equal(Math.Sign(b.CompareTo(a)), Math.Sign(string.CompareOrdinal(RankKey.Descending(a), RankKey.Descending(b))));
        }));
    }

    [Fact]
    public void Keys_HaveAFixedWidth_AndEqualValuesOfAnotherScaleHaveOneKey()
    {
        Assert.Equal(58, RankKey.Ascending(decimal.MaxValue).Length);
        Assert.Equal(58, RankKey.Descending(decimal.MinValue).Length);
        Assert.Equal(58, RankKey.Ascending(0.0000000000000000000000000001m).Length);
        Assert.Equal(20, RankKey.Ascending(long.MinValue).Length);
        Assert.Equal(RankKey.Ascending(12.5m), RankKey.Ascending(12.500m));
        Assert.Equal(RankKey.Ascending(0m), RankKey.Ascending(-0.00m));
        Assert.Equal("1" + new string('0', 27) + "125" + new string('0', 27), RankKey.Ascending(12.5m));
        // Hand-worked: 450 before 225 before 90 in a descending list.
        Assert.True(string.CompareOrdinal(RankKey.Descending(450m), RankKey.Descending(225m)) < 0);
        Assert.True(string.CompareOrdinal(RankKey.Descending(225m), RankKey.Descending(90m)) < 0);
        Assert.True(string.CompareOrdinal(RankKey.Ascending(-1L), RankKey.Ascending(0L)) < 0);
    }
}
