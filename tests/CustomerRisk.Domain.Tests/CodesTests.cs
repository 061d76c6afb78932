using CustomerRisk.Domain;

namespace CustomerRisk.Domain.Tests;

public sealed class CodesTests
{
    [Theory]
    [InlineData("exclusive", ProductFocus.Exclusive)]
    [InlineData("A", ProductFocus.Exclusive)]
    [InlineData("Mainly_Ours", ProductFocus.MainlyOurs)]
    [InlineData(" b ", ProductFocus.MainlyOurs)]
    [InlineData("equal", ProductFocus.Equal)]
    [InlineData("D", ProductFocus.MainlyCompetitor)]
    [InlineData("mainly_competitor", ProductFocus.MainlyCompetitor)]
    public void ProductFocus_AcceptsCodesAndLetters(string text, ProductFocus expected)
    {
        Assert.True(Codes.TryParseProductFocus(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("E")]
    [InlineData("mostly_ours")]
    public void ProductFocus_RefusesAnythingElse(string text) =>
        Assert.False(Codes.TryParseProductFocus(text, out _));

    [Fact]
    public void EveryEnumCode_RoundTrips()
    {
        foreach (var type in Enum.GetValues<InteractionType>())
        {
            Assert.True(Codes.TryParseInteractionType(type.ToCode(), out var parsed));
            Assert.Equal(type, parsed);
        }

        foreach (var criterion in Enum.GetValues<ExpertCriterion>())
        {
            Assert.True(Codes.TryParseExpertCriterion(criterion.ToCode(), out var parsed));
            Assert.Equal(criterion, parsed);
        }

        Assert.Equal("promise_to_pay", InteractionType.PromiseToPay.ToCode());
        Assert.Equal("collection_effort", ExpertCriterion.CollectionEffort.ToCode());
        Assert.True(Codes.TryParseOrderStatus("Cancelled", out var status));
        Assert.Equal(OrderStatus.Cancelled, status);
        Assert.True(Codes.TryParseClaimReason("quality", out var reason));
        Assert.Equal(ClaimReason.Quality, reason);
    }
}
