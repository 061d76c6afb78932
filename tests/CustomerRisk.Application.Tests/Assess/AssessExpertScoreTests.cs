using System.Text;
using System.Text.Json;
using CustomerRisk.Analytics;
using CustomerRisk.Application.Assess;
using CustomerRisk.Domain;
using CustomerRisk.Policy;

namespace CustomerRisk.Application.Tests.Assess;

public sealed class AssessExpertScoreTests
{
    private static readonly DateOnly AsOf = new(2026, 6, 30);

    private static readonly FakeClock Clock = new(new DateTimeOffset(2026, 6, 30, 18, 0, 0, TimeSpan.Zero));

    /// <summary>An invoice issued 2026-06-01, due 06-30, paid that day: grade A, not dormant (29 days since the last
    /// invoice), nothing open; with <see cref="LargeCustomer"/> in the portfolio its revenue share is about 1%. So no
    /// warning fires but the one under test.</summary>
    private static CustomerLedger PromptPayer(string id, decimal amount = 1_000m) => new()
    {
        Customer = new Customer { CustomerId = id, Name = id },
        Invoices = new[] { new InvoiceLine(new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 30), amount) },
        Payments = new[] { new PaymentLine(new DateOnly(2026, 6, 30), amount, 0) },
    };

    private static CustomerLedger LargeCustomer => PromptPayer("Z9", 100_000m);

    private static ExpertScore Score(string customer, int round, string expert, ExpertCriterion criterion, int score,
        string date = "2026-05-01") => new()
    {
        CustomerId = customer, Round = round, ExpertId = expert, Criterion = criterion, Score = score,
        Date = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture),
    };

    private static LedgerStore Store()
    {
        var store = new LedgerStore();
        store.Ledgers.AddRange([PromptPayer("C1"), PromptPayer("C2"), PromptPayer("C3"), PromptPayer("C4"), LargeCustomer]);
        // C1: round 1 overall 4, 4; round 2 overall 2, 2, 3 → the latest round's overall median is 2: the warning fires.
        store.ExpertScores.AddRange([
            Score("C1", 1, "E1", ExpertCriterion.Overall, 4, "2026-04-01"),
            Score("C1", 1, "E2", ExpertCriterion.Overall, 4, "2026-04-01"),
            Score("C1", 2, "E1", ExpertCriterion.Overall, 2),
            Score("C1", 2, "E2", ExpertCriterion.Overall, 2),
            Score("C1", 2, "E3", ExpertCriterion.Overall, 3),
            Score("C1", 2, "E3", ExpertCriterion.CollectionEffort, 5),
        ]);
        // C2: no overall; the latest round's scores 3, 3, 2, 5 → median of all (2, 3, 3, 5) = 3: nothing fires.
        store.ExpertScores.AddRange([
            Score("C2", 1, "E1", ExpertCriterion.CollectionEffort, 3),
            Score("C2", 1, "E2", ExpertCriterion.CollectionEffort, 3),
            Score("C2", 1, "E1", ExpertCriterion.BadRecord, 2),
            Score("C2", 1, "E2", ExpertCriterion.BadRecord, 5),
        ]);
        // C3: overall 3 then, after the as-of date, 1: the later round does not count yet, so 3: nothing fires.
        store.ExpertScores.AddRange([
            Score("C3", 1, "E1", ExpertCriterion.Overall, 3),
            Score("C3", 2, "E1", ExpertCriterion.Overall, 1, "2026-07-01"),
        ]);
        // C4: no expert scores: null, nothing fires.
        return store;
    }

    private static Task<AssessPortfolioResult> AssessAsync(LedgerStore store, bool save = true) =>
        AssessPortfolio.HandleAsync(new AssessPortfolioRequest(AsOf, Save: save), store, CreditPolicy.Default, Clock, null,
            CancellationToken.None);

    [Fact]
    public async Task ExpertScore_IsTheLatestRoundsMedian_AndAScoreOfTwoOrLessFiresTheWarning()
    {
        var result = await AssessAsync(Store());
        var byId = result.Customers.ToDictionary(c => c.CustomerId);

        Assert.Equal(2m, byId["C1"].ExpertScore);
        Assert.Equal(["expert_score_low"], byId["C1"].Alerts.Select(a => a.Rule));
        Assert.Equal(2m, byId["C1"].Alerts[0].Value);
        Assert.Equal(2m, byId["C1"].Alerts[0].Threshold);
        Assert.Equal(3m, byId["C2"].ExpertScore);
        Assert.Empty(byId["C2"].Alerts);
        Assert.Equal(3m, byId["C3"].ExpertScore);
        Assert.Empty(byId["C3"].Alerts);
        Assert.Null(byId["C4"].ExpertScore);
        Assert.Null(byId["C4"].Delphi);
        Assert.Empty(byId["C4"].Alerts);
        Assert.All(result.Customers, c => Assert.Equal("A", c.Grade));
        Assert.Equal(1, result.Portfolio.OpenAlerts - byId["Z9"].Alerts.Count);
    }

    [Fact]
    public async Task Delphi_SummarisesTheLatestRound_PerCriterion()
    {
        var result = await AssessAsync(Store(), save: false);
        var c1 = result.Customers.Single(c => c.CustomerId == "C1").Delphi!;
        var c2 = result.Customers.Single(c => c.CustomerId == "C2").Delphi!;

        // C1 round 2: collection_effort 5 (one expert, IQR 0); overall 2, 2, 3 → median 2, quartiles 2 and 2.5, IQR 0.5.
        Assert.Equal((2, 2, true, true), (c1.Round, c1.Rounds, c1.Converged, c1.FromOverall));
        Assert.Equal([("collection_effort", 1, 5m, 0m), ("overall", 3, 2m, 0.5m)],
            c1.Criteria.Select(c => (c.Criterion, c.Experts, c.Median, c.Iqr)));
        // C2 round 1: bad_record 2 and 5 → median 3.5, quartiles 2.75 and 4.25, IQR 1.5: not converged.
        Assert.Equal((1, 1, false, false), (c2.Round, c2.Rounds, c2.Converged, c2.FromOverall));
        Assert.Equal(1.5m, c2.Criteria.Single(c => c.Criterion == "bad_record").Iqr);
    }

    [Fact]
    public async Task GradeLowered_FiresAgainstThePreviousSavedGrade()
    {
        var store = Store();
        store.PreviousGrades["C4"] = Grade.A;
        store.Ledgers[3] = new CustomerLedger
        {
            // Paid 20 days late: timeliness D (more than 9 days), so the grade falls from A to D.
            Customer = new Customer { CustomerId = "C4", Name = "C4" },
            Invoices = new[] { new InvoiceLine(new DateOnly(2026, 5, 1), new DateOnly(2026, 5, 31), 1_000m) },
            Payments = new[] { new PaymentLine(new DateOnly(2026, 6, 20), 1_000m, 0) },
        };

        var c4 = (await AssessAsync(store)).Customers.Single(c => c.CustomerId == "C4");

        Assert.Equal("D", c4.Grade);
        Assert.Contains("grade_lowered", c4.Alerts.Select(a => a.Rule));
    }

    [Fact]
    public async Task SavedDetailsAndJsonOutput_AreTheSameBytesAsSerialisingTheAssessments()
    {
        var store = Store();
        var result = await AssessAsync(store);
        using var written = new MemoryStream();
        await result.WriteJsonAsync(written, CancellationToken.None);

        var expected = JsonSerializer.SerializeToUtf8Bytes(result.Customers, AssessPortfolio.Json);
        Assert.Equal(expected, written.ToArray());
        written.WriteByte((byte)'\n'); // the stream is left open: the command line writes a line end after it
        var (run, records) = Assert.Single(store.Saved);
        Assert.Equal(result.Customers.Select(c => JsonSerializer.Serialize(c, AssessPortfolio.Json)), records.Select(r => r.Details));
        Assert.All(records, r => Assert.Equal(run.RunId, r.RunId));
        Assert.Equal(result.Customers.Select(c => c.Grade), records.Select(r => r.Grade.ToCode()));
        using var document = JsonDocument.Parse(Encoding.UTF8.GetString(written.ToArray()));
        Assert.Equal(2m, document.RootElement[0].GetProperty("expert_score").GetDecimal());
    }

    [Fact]
    public async Task JsonOutputOfManyCustomers_IsTheSerialisedList_AcrossItsWriteBuffersAndSaveChunks()
    {
        // 1,100 customers: three save chunks of 512, each keeping its customers' JSON in one block.
        var store = Store();
        store.Ledgers.AddRange(Enumerable.Range(0, 1_100).Select(i => PromptPayer($"M{i:D4}", 10m + i)));
        var result = await AssessAsync(store);
        using var written = new MemoryStream();
        await result.WriteJsonAsync(written, CancellationToken.None);

        Assert.True(written.Length > 3 * 65_536, $"only {written.Length} bytes: the buffer never filled");
        Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(result.Customers, AssessPortfolio.Json), written.ToArray());
        var (_, records) = Assert.Single(store.Saved);
        Assert.Equal(result.Customers.Select(c => JsonSerializer.Serialize(c, AssessPortfolio.Json)), records.Select(r => r.Details));
    }

    [Fact]
    public async Task SavedJson_OfTextThatNeedsEscaping_AndOfFiguresAtTheirExtremes_IsTheSerialisedList()
    {
        // The saved details are written by generated code (AssessmentJson): the same bytes as the reflecting
        // serialiser's, for names that JSON escapes (quotes, <, &, +, control characters, non-ASCII) and for
        // figures with many digits and null ones.
        var store = Store();
        store.Ledgers.Add(new CustomerLedger
        {
            Customer = new Customer
            {
                CustomerId = "X\"1<&>+'", Name = "Müller & Söhne \"株式会社\"\t\u0001 😀", AnnualRevenue = 79_228_162_514m,
                CreditLimit = 0.0001m, CustomerSince = new DateOnly(2001, 2, 3),
            },
            Invoices = new[]
            {
                new InvoiceLine(new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 31), 1_234_567.8901m),
                new InvoiceLine(new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 30), 0.0001m),
            },
            Payments = new[] { new PaymentLine(new DateOnly(2026, 3, 15), 333.3333m, 0) },
        });
        var result = await AssessAsync(store);
        using var written = new MemoryStream();
        await result.WriteJsonAsync(written, CancellationToken.None);

        Assert.Equal(result.Customers.Count, result.CustomersJson.Count);
        Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(result.Customers, AssessPortfolio.Json), written.ToArray());
        var odd = result.Customers.Single(c => c.CustomerId.StartsWith('X'));
        Assert.Contains(odd.Alerts, a => a.Threshold is not null);
    }

    [Fact]
    public async Task WithoutSaving_TheJsonOutputIsStillTheSerialisedList()
    {
        var result = await AssessAsync(Store(), save: false);
        using var written = new MemoryStream();
        await result.WriteJsonAsync(written, CancellationToken.None);

        Assert.Empty(result.CustomersJson);
        Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(result.Customers, AssessPortfolio.Json), written.ToArray());
    }

    private sealed class FakeClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
