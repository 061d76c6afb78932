using CustomerRisk.Application.Demo;
using FsCheck;
using FsCheck.Fluent;

namespace CustomerRisk.Application.Tests.Demo;

public sealed class DemoRandomTests
{
    /// <summary>xoshiro256** from SplitMix64(0): pins the algorithm, so a seed means the same portfolio on every
    /// runtime (reference values computed independently from the published algorithms).</summary>
    [Fact]
    public void Generator_IsXoshiro256StarStarSeededBySplitMix64()
    {
        var random = new DemoRandom(0);

        Assert.Equal(ReferenceFirstValues, new[] { random.NextULong(), random.NextULong(), random.NextULong() });
    }

    private static readonly ulong[] ReferenceFirstValues = [0x99EC5F36CB75F2B4UL, 0xBF6E1F784956452AUL, 0x1A5F849D4933E6E0UL];

    [Fact]
    public void SameStream_GivesTheSameSequence_AndNeighbouringStreamsDiffer()
    {
        var a = DemoRandom.For(42, 7);
        var b = DemoRandom.For(42, 7);
        var c = DemoRandom.For(42, 8);
        var d = DemoRandom.For(43, 7);

        var first = Enumerable.Range(0, 5).Select(_ => a.NextULong()).ToArray();
        Assert.Equal(first, Enumerable.Range(0, 5).Select(_ => b.NextULong()));
        Assert.NotEqual(first, Enumerable.Range(0, 5).Select(_ => c.NextULong()));
        Assert.NotEqual(first, Enumerable.Range(0, 5).Select(_ => d.NextULong()));
    }

    [Fact]
    public void Between_StaysInItsBoundsAndReachesBothEnds()
    {
        var random = new DemoRandom(1);
        var seen = new int[7];
        for (var i = 0; i < 10_000; i++)
        {
            var value = random.Between(3, 9);
            Assert.InRange(value, 3, 9);
            seen[value - 3]++;
        }

        Assert.All(seen, count => Assert.InRange(count, 1200, 1650));
    }

    [Fact]
    public void NextDouble_IsInTheUnitInterval_WithAboutTheRightMean()
    {
        var random = new DemoRandom(2);
        var values = Enumerable.Range(0, 20_000).Select(_ => random.NextDouble()).ToList();

        Assert.All(values, v => Assert.InRange(v, 0.0, 0.9999999999999999));
        Assert.InRange(values.Average(), 0.49, 0.51);
    }

    [Fact]
    public void Normal_HasMeanZeroAndVarianceOne()
    {
        var random = new DemoRandom(3);
        var values = Enumerable.Range(0, 50_000).Select(_ => random.Normal()).ToList();
        var mean = values.Average();
        var variance = values.Sum(v => (v - mean) * (v - mean)) / values.Count;

        Assert.InRange(mean, -0.02, 0.02);
        Assert.InRange(variance, 0.97, 1.03);
    }

    [Fact]
    public void Exp_AgreesWithTheRuntimeToTwelveDigits() =>
        Prop.ForAll(Gen.Choose(-300_000, 300_000).Select(i => i / 1000.0).ToArbitrary(), x =>
            Math.Abs(DemoRandom.Exp(x) - Math.Exp(x)) <= 1e-12 * Math.Exp(x)).QuickCheckThrowOnFailure();

    [Fact]
    public void Log_AgreesWithTheRuntimeToTwelveDigits() =>
        Prop.ForAll(Gen.Choose(1, int.MaxValue).Select(i => i / 1e6).ToArbitrary(), x =>
            Math.Abs(DemoRandom.Log(x) - Math.Log(x)) <= 1e-12 * Math.Max(1, Math.Abs(Math.Log(x)))).QuickCheckThrowOnFailure();

    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(1.0, Math.E)]
    [InlineData(-700.5, 0.0)]
    public void Exp_OfKnownPoints(double x, double expected) => Assert.Equal(expected, DemoRandom.Exp(x), 12);

    [Fact]
    public void Log_OfZeroOrLess_IsMinusInfinity()
    {
        Assert.Equal(double.NegativeInfinity, DemoRandom.Log(0));
        Assert.Equal(double.NegativeInfinity, DemoRandom.Log(-1));
        Assert.Equal(0.0, DemoRandom.Log(1), 15);
    }

    [Fact]
    public void Pick_FollowsTheWeights()
    {
        var random = new DemoRandom(4);
        var counts = new int[3];
        ReadOnlySpan<double> cumulative = [10, 40, 100];
        for (var i = 0; i < 30_000; i++)
        {
            counts[random.Pick(cumulative)]++;
        }

        Assert.InRange(counts[0], 2700, 3300);
        Assert.InRange(counts[1], 8400, 9600);
        Assert.InRange(counts[2], 17200, 18800);
    }
}
