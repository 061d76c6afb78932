using CustomerRisk.Application.Credit;
using CustomerRisk.Application.Ports;
using static CustomerRisk.Storage.Tests.Credit.CreditTestStore;

namespace CustomerRisk.Storage.Tests.Credit;

public sealed class AuditTrailStoreTests
{
    private static AuditEntry Entry(int i, string? customer = "C1") => new()
    {
        Actor = "tester",
        Action = "test.append",
        Entity = $"thing:{i}",
        CustomerId = customer,
        Before = i == 1 ? null : $$"""{"n":{{i - 1}}}""",
        After = $$"""{"n":{{i}}}""",
    };

    private static async Task<CreditTestStore> WithFiveRecordsAsync(string provider)
    {
        var store = await CreateAsync(provider);
        for (var i = 1; i <= 5; i++)
        {
            await store.Credit.AppendAsync(Entry(i));
        }

        return store;
    }

    /// <summary>Lifts the append-only triggers, as someone with database rights could.</summary>
    private static Task LiftTriggersAsync(CreditTestStore store) => store.Test.Provider == "sqlite"
        ? store.ExecuteAsync("DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;")
        : store.ExecuteAsync("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change;");

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task Appends_FormALinkedChain_ThatVerifies(string provider)
    {
        await using var store = await WithFiveRecordsAsync(provider);

        var records = await store.Credit.ListAuditAsync(null, 10);
        var verification = await store.VerifyAsync();

        Assert.Equal([5L, 4, 3, 2, 1], records.Select(r => r.Seq));
        Assert.Equal(AuditChain.Genesis, records[^1].PrevHash);
        for (var i = 0; i < records.Count - 1; i++)
        {
            Assert.Equal(records[i + 1].Hash, records[i].PrevHash);
        }

        Assert.Equal(new AuditVerification(5, true, null, null), verification);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 9, 15, 0, TimeSpan.Zero), records[0].At);
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task TamperedRecord_IsDetected_AtItsSequenceNumber(string provider)
    {
        await using var store = await WithFiveRecordsAsync(provider);
        await LiftTriggersAsync(store);

        await store.ExecuteAsync("""UPDATE audit_log SET after_json = '{"n":300}' WHERE seq = 3""");
        var verification = await store.VerifyAsync();

        Assert.False(verification.Intact);
        Assert.Equal(3, verification.BrokenAt);
        Assert.Contains("record 3 was changed", verification.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task TamperedRecordWithItsHashRecomputed_BreaksTheNextLink(string provider)
    {
        await using var store = await WithFiveRecordsAsync(provider);
        await LiftTriggersAsync(store);
        var third = (await store.Credit.ListAuditAsync(null, 10)).Single(r => r.Seq == 3);
        var forged = third with { After = """{"n":300}""" };
        var forgedHash = AuditChain.Recompute(forged);

        await store.ExecuteAsync($"""UPDATE audit_log SET after_json = '{forged.After}', hash = '{forgedHash}' WHERE seq = 3""");
        var verification = await store.VerifyAsync();

        Assert.Equal(4, verification.BrokenAt);
        Assert.Contains("does not link", verification.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task DeletedRecord_IsDetected(string provider)
    {
        await using var store = await WithFiveRecordsAsync(provider);
        await LiftTriggersAsync(store);

        await store.ExecuteAsync("DELETE FROM audit_log WHERE seq = 2");
        var verification = await store.VerifyAsync();

        Assert.False(verification.Intact);
        Assert.Equal(2, verification.BrokenAt);
        Assert.Contains("record 2 is missing", verification.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task DeletedNewestRecord_IsDetected_ThroughTheHead(string provider)
    {
        await using var store = await WithFiveRecordsAsync(provider);
        await LiftTriggersAsync(store);

        await store.ExecuteAsync("DELETE FROM audit_log WHERE seq = 5");
        var verification = await store.VerifyAsync();

        Assert.Equal(5, verification.BrokenAt);
        Assert.Contains("missing", verification.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task UpdateAndDelete_AreRefusedByTheDatabase(string provider)
    {
        await using var store = await WithFiveRecordsAsync(provider);

        var update = await Record.ExceptionAsync(() => store.ExecuteAsync("UPDATE audit_log SET actor = 'x' WHERE seq = 1"));
        var delete = await Record.ExceptionAsync(() => store.ExecuteAsync("DELETE FROM audit_log WHERE seq = 1"));

        Assert.Contains("append-only", update?.Message, StringComparison.Ordinal);
        Assert.Contains("append-only", delete?.Message, StringComparison.Ordinal);
        Assert.True((await store.VerifyAsync()).Intact);
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task ConcurrentAppends_KeepTheChainLinear(string provider)
    {
        await using var store = await CreateAsync(provider);

        await Task.WhenAll(Enumerable.Range(1, 40).Select(i => Task.Run(() => store.Credit.AppendAsync(Entry(i, i % 2 == 0 ? "C1" : null)))));
        var verification = await store.VerifyAsync();

        Assert.Equal(new AuditVerification(40, true, null, null), verification);
        Assert.Equal(20, (await store.Credit.ListAuditAsync("C1", 100)).Count);
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task EmptyChain_Verifies(string provider)
    {
        await using var store = await CreateAsync(provider);

        Assert.Equal(new AuditVerification(0, true, null, null), await store.VerifyAsync());
        Assert.Null(await store.Credit.ReadAuditHeadAsync());
    }
}
