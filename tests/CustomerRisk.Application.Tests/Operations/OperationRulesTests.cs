using CustomerRisk.Application.Collateral;
using CustomerRisk.Application.Collections;
using CustomerRisk.Application.Operations;
using CustomerRisk.Application.Reviews;
using CustomerRisk.Application.Webhooks;
using CustomerRisk.Policy;
using FsCheck;
using FsCheck.Fluent;

namespace CustomerRisk.Application.Tests.Operations;

public sealed class OperationRulesTests
{
    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static PaymentPromise Promise(decimal amount = 1_000m) => new()
    {
        CustomerId = "C1", PromisedOn = D("2026-10-01"), PayBy = D("2026-10-10"), Amount = amount, RecordedBy = "li",
        Status = PromiseStatus.Open, RecordedAt = DateTimeOffset.UnixEpoch,
    };

    [Theory]
    [InlineData("2026-10-05", 999.99, "open")]
    [InlineData("2026-10-05", 1000, "kept")]
    [InlineData("2026-10-10", 999.99, "open")]
    [InlineData("2026-10-11", 999.99, "broken")]
    [InlineData("2026-10-11", 1000.01, "kept")]
    public void Promise_IsKeptWhenTheCashReachesTheAmount_BrokenOnlyAfterThePromisedDate(string asOf, double paid, string expected)
    {
        var result = PromiseEvaluator.Evaluate(Promise(), (decimal)paid, D(asOf));

        Assert.Equal(expected, OperationCodes.ToCode(result.Status));
        Assert.Equal((decimal)paid, result.PaidAmount);
        Assert.Equal(expected == "open" ? null : D(asOf), result.SettledOn);
    }

    [Fact]
    public void Promise_SettledIsNeverEvaluatedAgain_AndTheWindowEndsAtTheEarlierOfPayByAndT()
    {
        var broken = PromiseEvaluator.Evaluate(Promise(), 0m, D("2026-10-11"));

        Assert.Same(broken, PromiseEvaluator.Evaluate(broken, 5_000m, D("2026-10-12")));
        Assert.Equal(D("2026-10-05"), PromiseEvaluator.WindowEnd(Promise(), D("2026-10-05")));
        Assert.Equal(D("2026-10-10"), PromiseEvaluator.WindowEnd(Promise(), D("2026-12-05")));
        Assert.Throws<ArgumentOutOfRangeException>(() => PromiseEvaluator.Evaluate(Promise(), -1m, D("2026-10-05")));
    }

    private static ReviewSnapshot Snapshot(string grade = "B", decimal sales = 120_000m, decimal? limit = 15_000m, int dpd = 0, string? previous = null) => new()
    {
        CustomerId = "C1", AssessedAsOf = D("2026-09-30"), Grade = grade, Sales12m = sales, CreditLimit = limit, OldestDaysPastDue = dpd,
        RiskSeverity = "low", OpenAlerts = [], PreviousDecision = previous, PolicyVersion = CreditPolicy.Default.Version,
    };

    [Theory]
    // B: 1.0 × sales / 12 × 1.5 → 120,000 gives 15,000.
    [InlineData("B", 120_000, 15_000, 0, null, "keep")]
    [InlineData("B", 132_000, 15_000, 0, null, "keep")]          // 16,500 = exactly 10% above: within the band
    [InlineData("B", 140_000, 15_000, 0, null, "raise_limit")]   // 17,000 > 16,500
    [InlineData("B", 112_000, 15_000, 0, null, "lower_limit")]   // 14,000 < 15,000
    [InlineData("B", 120_000, null, 0, null, "raise_limit")]     // none granted, 15,000 recommended
    [InlineData("D", 120_000, 15_000, 0, null, "hold")]          // D holds new orders
    [InlineData("B", 120_000, 15_000, 30, null, "keep")]         // L2: no hold
    [InlineData("B", 120_000, 15_000, 31, null, "hold")]         // L3: formal notice and order hold
    [InlineData("B", 120_000, 15_000, 0, "hold", "release")]
    [InlineData("D", 120_000, 15_000, 0, "hold", "hold")]
    public void ReviewAdvisor_RecommendsByHoldThenReleaseThenLimitBand(string grade, int sales, int? limit, int dpd, string? previous, string expected)
    {
        var recommendation = ReviewAdvisor.Recommend(Snapshot(grade, sales, limit, dpd, previous), CreditPolicy.Default);

        Assert.Equal(expected, OperationCodes.ToCode(recommendation.Decision));
        Assert.Equal(CreditPolicy.Default.Version, recommendation.PolicyVersion);
        Assert.NotEmpty(recommendation.Reasons);
    }

    [Fact]
    public void ReviewAdvisor_RefusesASnapshotWithoutAGrade()
    {
        Assert.Throws<OperationRefusedException>(() => ReviewAdvisor.Recommend(Snapshot("E"), CreditPolicy.Default));
    }

    [Fact]
    public void ReviewAdvisor_ForGradeBAndAGrantedLimitOf15000_HoldsPastL2_LowersBelow_RaisesAboveTheBand()
    {
        // Recommended = floor(sales / 8 / 1,000) × 1,000: below 15,000 exactly when sales < 120,000; above 16,500
        // (the 10% band) exactly when sales ≥ 136,000.
        Prop.ForAll(Gen.Choose(0, 400_000).ToArbitrary(), Gen.Choose(0, 120).ToArbitrary(), (sales, dpd) =>
        {
            var decision = ReviewAdvisor.Recommend(Snapshot(sales: sales, dpd: dpd), CreditPolicy.Default).Decision;
            var expected = dpd > 30 ? ReviewDecision.Hold
                : sales < 120_000 ? ReviewDecision.LowerLimit
                : sales >= 136_000 ? ReviewDecision.RaiseLimit
                : ReviewDecision.Keep;
            return decision == expected;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void WebhookSignature_IsTheHexHmacSha256OfTheBody_AndVerifiesOnlyWithTheSameSecretAndBody()
    {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?".
        Assert.Equal("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
            WebhookPayload.Sign("Jefe", "what do ya want for nothing?"));
        var signature = WebhookPayload.Sign("secret-1234567890", "{\"a\":1}");
        Assert.True(WebhookPayload.Verify("secret-1234567890", "{\"a\":1}", signature));
        Assert.False(WebhookPayload.Verify("secret-1234567890", "{\"a\":2}", signature));
        Assert.False(WebhookPayload.Verify("secret-0000000000", "{\"a\":1}", signature));
        Assert.False(WebhookPayload.Verify("secret-1234567890", "{\"a\":1}", null));
    }

    [Theory]
    [InlineData(3, 1, 1)]
    [InlineData(3, 3, 1)]
    [InlineData(3, 4, 2)]
    [InlineData(3, 6, 2)]
    [InlineData(3, 9, 4)]
    [InlineData(1, 5, 16)]
    public void Reschedule_DoublesForEveryFailedRun(int attemptsPerRun, int attempts, int minutes)
    {
        var options = new WebhookDeliveryOptions { AttemptsPerRun = attemptsPerRun, RescheduleDelay = TimeSpan.FromMinutes(1) };

        Assert.Equal(TimeSpan.FromMinutes(minutes), DeliverWebhooks.Reschedule(options, attempts));
        Assert.Equal(options.MaxRescheduleDelay, DeliverWebhooks.Reschedule(options, 1_000));
    }

    [Fact]
    public void Codes_AreSnakeCase_AndParseIgnoringCaseAndBlanks_AndRefuseWithTheAcceptedList()
    {
        Assert.Equal(["keep", "raise_limit", "lower_limit", "change_terms", "hold", "release"], OperationCodes.CodesOf<ReviewDecision>());
        Assert.Equal(CoverKind.LetterOfCredit, OperationCodes.Parse<CoverKind>(" Letter_Of_Credit ", "kind"));
        var refused = Assert.Throws<OperationRefusedException>(() => OperationCodes.Parse<CollectionActionKind>("fax", "--kind"));
        Assert.Contains("call, email, letter, visit, agency", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-02-28", "not counted before its first day")]
    [InlineData("2026-03-01", "counted on its first day")]
    [InlineData("2026-09-30", "counted on its expiry day")]
    [InlineData("2026-10-01", "not counted after expiry")]
    public void Collateral_CountsFromValidFromThroughExpiry(string asOf, string why)
    {
        var item = new CollateralItem
        {
            CustomerId = "C1", Kind = CoverKind.Guarantee, Value = 10_000m, Haircut = 0.25m, ValidFrom = D("2026-03-01"),
            Expiry = D("2026-09-30"), RecordedBy = "mei", RecordedAt = DateTimeOffset.UnixEpoch,
        };

        Assert.True(item.CountsOn(D(asOf)) == why.StartsWith("counted", StringComparison.Ordinal), why);
        Assert.Equal(7_500m, item.ToCover().CountedValue);
        Assert.Equal(D("2026-09-30").DayNumber - D(asOf).DayNumber, item.DaysToExpiry(D(asOf)));
    }
}
