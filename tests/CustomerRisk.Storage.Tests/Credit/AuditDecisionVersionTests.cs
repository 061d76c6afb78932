using CustomerRisk.Application.Assess;
using CustomerRisk.Application.Ports;
using static CustomerRisk.Storage.Tests.Credit.CreditTestStore;

namespace CustomerRisk.Storage.Tests.Credit;

/// <summary>The version of the decisions an assessment depends on (the newest grant, review, cover or policy load), on
/// both databases: order checks, sign-ins and other records leave it, a decision moves it, and the SQLite statement is
/// served by the partial index.</summary>
public sealed class AuditDecisionVersionTests
{
    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task NewestDecision_IsMovedByGrantsReviewsCoversAndPolicies_NotByChecksOrSignIns(string provider)
    {
        await using var store = await CreateAsync(provider);
        var actions = AssessFromStore.DecisionActions;
        Assert.Equal(0, await store.Credit.ReadNewestSeqAsync(actions));

        // seq 1 order.check, 2 limit.grant, 3 user.sign_in, 4 order.check, 5 review.record, 6 token.issue,
        // 7 collateral.add, 8 policy.load, 9 alert.acknowledge.
        string[] appended = ["order.check", "limit.grant", "user.sign_in", "order.check", "review.record", "token.issue", "collateral.add", "policy.load", "alert.acknowledge"];
        long[] expected = [0, 2, 2, 2, 5, 5, 7, 8, 8];
        for (var i = 0; i < appended.Length; i++)
        {
            await store.Credit.AppendAsync(new AuditEntry { Actor = "ada", Action = appended[i], Entity = "x", CustomerId = "C1" });
            Assert.Equal(expected[i], await store.Credit.ReadNewestSeqAsync(actions));
        }

        Assert.Equal(4, await store.Credit.ReadNewestSeqAsync(["order.check"]));
        Assert.Equal(0, await store.Credit.ReadNewestSeqAsync([]));
        await Assert.ThrowsAsync<ArgumentException>(() => store.Credit.ReadNewestSeqAsync(["x') OR ('1'='1"]));
    }

    [Fact]
    public async Task OnSqlite_TheDecisionQuery_UsesThePartialIndex()
    {
        await using var store = await CreateAsync("sqlite");
        await using var connection = await store.Test.ConnectAsync();
        await using var command = connection.CreateCommand();
        var list = string.Join(", ", AssessFromStore.DecisionActions.Select(a => $"'{a}'"));
        command.CommandText = $"EXPLAIN QUERY PLAN SELECT COALESCE(MAX(seq), 0) FROM audit_log WHERE action IN ({list})";
        var plan = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(3));
            }
        }

        Assert.Contains(plan, line => line.Contains("ix_audit_log_decisions", StringComparison.Ordinal));
    }
}
