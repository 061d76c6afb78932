using CustomerRisk.Server.Apis;

namespace CustomerRisk.Server.Tests;

/// <summary>The concentration curve of the portfolio view, worked by hand.</summary>
public sealed class ConcentrationCurveTests
{
    [Fact]
    public void ThreeCustomers_GiveAPointPerCustomer_LargestFirst()
    {
        var curve = ConcentrationCurve.Of([20m, 50m, 30m]);

        // Largest first: 50 of 100 with the first third, 80 with two thirds, all with all.
        Assert.Equal(
            [new(0m, 0m), new(0.3333m, 0.5m), new(0.6667m, 0.8m), new(1m, 1m)],
            curve);
    }

    [Fact]
    public void NegativeExposure_CountsAsZero()
    {
        var curve = ConcentrationCurve.Of([100m, -40m]);

        Assert.Equal([new(0m, 0m), new(0.5m, 1m), new(1m, 1m)], curve);
    }

    [Fact]
    public void TwoHundredCustomers_AreSampledAtEveryPercent()
    {
        var curve = ConcentrationCurve.Of(Enumerable.Repeat(5m, 200));

        Assert.Equal(101, curve.Count);
        Assert.Equal(new ConcentrationCurve.Point(0.5m, 0.5m), curve[50]);
        Assert.Equal(new ConcentrationCurve.Point(1m, 1m), curve[^1]);
    }

    [Fact]
    public void NoExposure_GivesNoCurve()
    {
        Assert.Empty(ConcentrationCurve.Of([]));
        Assert.Empty(ConcentrationCurve.Of([0m, -3m]));
    }
}
