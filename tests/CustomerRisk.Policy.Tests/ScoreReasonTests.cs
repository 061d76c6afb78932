namespace CustomerRisk.Policy.Tests;

public sealed class ScoreReasonTests
{
    [Fact]
    public void Text_RoundsTheFigureToFourDecimals_SoAPersonCanReadIt()
    {
        var reason = new ScoreReason("net_collection_rate", "net collection rate", "collected 90–95% of what fell due",
            0.94126095575908m, 25m);

        Assert.Equal("net collection rate: collected 90–95% of what fell due (0.9413); 25 points below the best band", reason.Text);
    }

    [Fact]
    public void Text_KeepsWholeFiguresWhole_AndLeavesOutAnUnknownFigure()
    {
        Assert.Equal("worst lateness: paid more than 60 days late (75); 60 points below the best band",
            new ScoreReason("max_days_late", "worst lateness", "paid more than 60 days late", 75m, 60m).Text);
        Assert.Equal("customer size: unknown; 5 points below the best band",
            new ScoreReason("sales_12m", "customer size", "unknown", null, 5m).Text);
    }
}
