using CustomerRisk.Domain;
using static CustomerRisk.Storage.Tests.Rows;

namespace CustomerRisk.Storage.Tests;

public sealed class ExpertScoreReadingTests
{
    private static ExpertScore Score(string customer, int round, string expert, ExpertCriterion criterion, string date, int score) => new()
    {
        CustomerId = customer, Round = round, ExpertId = expert, Criterion = criterion, Date = D(date), Score = score,
    };

    private static readonly ExpertScore[] Scores =
    [
        Score("C2", 1, "E1", ExpertCriterion.Overall, "2026-03-01", 4),
        Score("C1", 1, "E1", ExpertCriterion.Overall, "2026-03-01", 2),
        Score("C1", 1, "E2", ExpertCriterion.Overall, "2026-03-02", 3),
        Score("C1", 2, "E1", ExpertCriterion.Overall, "2026-05-01", 1),
        Score("C1", 2, "E1", ExpertCriterion.CollectionEffort, "2026-05-01", 5),
    ];

    private static async Task<TestStore> StoreWithScoresAsync(string provider)
    {
        var test = await TestStore.CreateAsync(provider);
        await using var session = await test.Store.BeginImportAsync();
        await session.UpsertCustomersAsync([Customer("C1"), Customer("C2"), Customer("C3")]);
        await session.UpsertExpertScoresAsync(Scores);
        await session.CommitAsync();
        return test;
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task ReadExpertScores_GivesEveryFieldBack_InCustomerOrder(string provider)
    {
        await using var test = await StoreWithScoresAsync(provider);

        var scores = await test.Store.ReadExpertScoresAsync(D("2026-12-31"));

        Assert.Equal(["C1", "C1", "C1", "C1", "C2"], scores.Select(s => s.CustomerId));
        Assert.Equal(Scores.OrderBy(s => s.CustomerId, StringComparer.Ordinal).ThenBy(s => s.Round)
                .ThenBy(s => s.ExpertId, StringComparer.Ordinal).ThenBy(s => s.Criterion.ToCode(), StringComparer.Ordinal),
            scores);
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task ReadExpertScores_LeavesOutScoresDatedAfterTheAsOfDate_AndOtherCustomersWhenOneIsNamed(string provider)
    {
        await using var test = await StoreWithScoresAsync(provider);

        var inApril = await test.Store.ReadExpertScoresAsync(D("2026-04-30"));
        var onTheDay = await test.Store.ReadExpertScoresAsync(D("2026-03-01"));
        var onlyC1 = await test.Store.ReadExpertScoresAsync(D("2026-12-31"), "C1");
        var none = await test.Store.ReadExpertScoresAsync(D("2026-12-31"), "C3");

        Assert.Equal(3, inApril.Count);
        Assert.All(inApril, s => Assert.Equal(1, s.Round));
        Assert.Equal(2, onTheDay.Count);
        Assert.Equal(4, onlyC1.Count);
        Assert.All(onlyC1, s => Assert.Equal("C1", s.CustomerId));
        Assert.Empty(none);
    }
}
