using CustomerRisk.Application.Ports;
using CustomerRisk.Domain;
using static CustomerRisk.Storage.Tests.Rows;

namespace CustomerRisk.Storage.Tests;

public sealed class AssessmentTests
{
    private static AssessmentRun Run(string asOf, string policy = "default-1") => new()
    {
        RunId = Guid.NewGuid(),
        AsOf = D(asOf),
        CreatedAt = new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.FromHours(8)),
        PolicyVersion = policy,
        ScoreModel = "expert-scorecard",
    };

    private static AssessmentRecord Record(AssessmentRun run, string customer, Grade grade, decimal openAr) => new()
    {
        CustomerId = customer,
        AsOf = run.AsOf,
        RunId = run.RunId,
        Grade = grade,
        CreditScore = 640,
        Pd = 0.012345678m,
        OpenAr = openAr,
        OverdueAr = 10.25m,
        Exposure = openAr + 100m,
        Dso = 41.5m,
        ExpectedLoss = null,
        Details = $$"""{"customer_id":"{{customer}}","grade":"{{grade}}","alerts":[]}""",
    };

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task SaveThenReadLatest_GivesBackEveryColumnAndTheDetailsTextAsSaved(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        var run = Run("2026-06-30");
        var saved = Record(run, "C1", Grade.B, 12_345.6789m);

        await test.Store.SaveAssessmentsAsync(run, [saved]);
        var latest = await test.Store.ReadLatestAssessmentsAsync(D("2026-06-30"));

        Assert.Equal(saved, Assert.Single(latest).Value);
        Assert.Equal(1, await test.CountAsync("SELECT customers FROM assessment_runs"));
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task DetailsGivenAsUtf8Bytes_AreSavedAsTheSameText(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        var run = Run("2026-06-30");
        const string details = """{"customer_id":"C1","name":"Müller & Söhne 株式会社 \u00e9","alerts":[]}""";
        // As an assessment run makes it: the UTF-8 bytes only (no text is set, so Details decodes them).
        var record = Record(run, "C1", Grade.B, 1m) with { Details = null!, DetailsUtf8 = System.Text.Encoding.UTF8.GetBytes(details) };
        var textOnly = Record(run, "C2", Grade.B, 1m) with { Details = details.Replace("C1", "C2", StringComparison.Ordinal) };

        await test.Store.SaveAssessmentsAsync(run, [record, textOnly]);
        var latest = await test.Store.ReadLatestAssessmentsAsync(D("2026-06-30"));

        Assert.Equal(details, latest["C1"].Details);
        Assert.Equal(textOnly.Details, latest["C2"].Details);
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task ReadLatest_TakesEachCustomersNewestAssessmentOnOrBeforeTheDate(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        var june = Run("2026-06-30");
        var september = Run("2026-09-30");
        var septemberAgain = Run("2026-09-30", "default-2");
        await test.Store.SaveAssessmentsAsync(june, [Record(june, "C1", Grade.A, 1m), Record(june, "C2", Grade.B, 2m)]);
        await test.Store.SaveAssessmentsAsync(september, [Record(september, "C1", Grade.C, 3m)]);
        await test.Store.SaveAssessmentsAsync(septemberAgain, [Record(septemberAgain, "C1", Grade.D, 4m)]);

        var beforeAny = await test.Store.ReadLatestAssessmentsAsync(D("2026-06-29"));
        var inJuly = await test.Store.ReadLatestAssessmentsAsync(D("2026-07-15"));
        var inOctober = await test.Store.ReadLatestAssessmentsAsync(D("2026-10-01"));

        Assert.Empty(beforeAny);
        Assert.Equal(Grade.A, inJuly["C1"].Grade);
        Assert.Equal(Grade.B, inJuly["C2"].Grade);
        Assert.Equal(Grade.D, inOctober["C1"].Grade);
        Assert.Equal(septemberAgain.RunId, inOctober["C1"].RunId);
        Assert.Equal(Grade.B, inOctober["C2"].Grade);
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task Save_RoundsComputedFiguresHalfAwayFromZero_MoneyToFourDecimalsAndPdToNine(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        var run = Run("2026-06-30");
        var record = Record(run, "C1", Grade.N, 0.00005m) with
        {
            Pd = 0.00000000051m, ExpectedLoss = 12.34565m, Dso = null, CreditScore = null,
        };

        await test.Store.SaveAssessmentsAsync(run, [record]);
        var back = (await test.Store.ReadLatestAssessmentsAsync(D("2026-06-30")))["C1"];

        Assert.Equal(0.0001m, back.OpenAr);
        Assert.Equal(0.000000001m, back.Pd);
        Assert.Equal(12.3457m, back.ExpectedLoss);
        Assert.Null(back.Dso);
        Assert.Null(back.CreditScore);
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task Save_ManyRecords_KeepsThemAllInOneRun(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        var run = Run("2026-06-30");
        var records = Enumerable.Range(0, 5000).Select(i => Record(run, $"C{i:00000}", (Grade)(i % 5), i)).ToArray();

        await test.Store.SaveAssessmentsAsync(run, records);
        var latest = await test.Store.ReadLatestAssessmentsAsync(D("2026-12-31"));

        Assert.Equal(5000, latest.Count);
        Assert.All(records, r => Assert.Equal(r, latest[r.CustomerId]));
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task ReadLatestGrades_PicksTheSameAssessmentAsReadLatest_OnEveryDate(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        var june = Run("2026-06-30");
        var september = Run("2026-09-30");
        var septemberAgain = Run("2026-09-30", "default-2");
        await test.Store.SaveAssessmentsAsync(june, [Record(june, "C1", Grade.A, 1m), Record(june, "C2", Grade.N, 2m)]);
        await test.Store.SaveAssessmentsAsync(september, [Record(september, "C1", Grade.C, 3m)]);
        await test.Store.SaveAssessmentsAsync(septemberAgain, [Record(septemberAgain, "C1", Grade.D, 4m), Record(septemberAgain, "C3", Grade.B, 5m)]);

        foreach (var date in new[] { "2026-06-29", "2026-06-30", "2026-07-15", "2026-09-29", "2026-09-30", "2027-01-01" })
        {
            var full = await test.Store.ReadLatestAssessmentsAsync(D(date));
            var grades = await test.Store.ReadLatestGradesAsync(D(date));

            Assert.Equal(full.ToDictionary(p => p.Key, p => p.Value.Grade).OrderBy(p => p.Key, StringComparer.Ordinal),
                grades.OrderBy(p => p.Key, StringComparer.Ordinal));
        }

        var october = await test.Store.ReadLatestGradesAsync(D("2026-10-01"));
        Assert.Equal(Grade.D, october["C1"]);
        Assert.Equal(Grade.N, october["C2"]);
        Assert.Equal(Grade.B, october["C3"]);
        Assert.Empty(await test.Store.ReadLatestGradesAsync(D("2026-06-29")));
    }
}
