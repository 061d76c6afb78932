using System.Runtime.CompilerServices;
using CustomerRisk.Application.Credit;
using CustomerRisk.Application.Ports;

namespace CustomerRisk.Application.Tests.Credit;

public sealed class AuditChainTests
{
    private static readonly DateTimeOffset s_at = new(2026, 11, 30, 9, 15, 0, 123, TimeSpan.FromHours(8));

    private static AuditEntry Entry(string after) => new()
    {
        Actor = "Maria", Action = "limit.grant", Entity = "credit_limit:1", CustomerId = "C1", Before = null, After = after,
    };

    private static List<AuditRecord> Chain(int count)
    {
        var records = new List<AuditRecord>();
        for (var i = 1; i <= count; i++)
        {
            var head = records.Count == 0 ? null : new AuditHead(records[^1].Seq, records[^1].Hash);
            records.Add(AuditChain.Next(head, s_at.AddSeconds(i), Entry($$"""{"amount":{{i}}}""")));
        }

        return records;
    }

    [Fact]
    public void Canonical_IsAJsonArrayOfTheFieldsInUtcMilliseconds()
    {
        var text = AuditChain.Canonical(7, s_at.AddTicks(4_567), Entry("""{"amount":1}"""), AuditChain.Genesis);

        Assert.Equal(
            $$"""[7,"2026-11-30T01:15:00.123Z","Maria","limit.grant","credit_limit:1","C1",null,"{\u0022amount\u0022:1}","{{AuditChain.Genesis}}"]""",
            text);
    }

    [Fact]
    public void Hash_IsTheSha256OfTheCanonicalText()
    {
        var entry = Entry("{}");
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(AuditChain.Canonical(1, s_at, entry, AuditChain.Genesis))));

        Assert.Equal(expected, AuditChain.Hash(1, s_at, entry, AuditChain.Genesis));
        Assert.Matches("^[0-9a-f]{64}$", expected);
    }

    [Fact]
    public void AnyFieldChanged_ChangesTheHash()
    {
        var record = Chain(1)[0];
        AuditRecord[] changed =
        [
            record with { Seq = 2 }, record with { At = record.At.AddMilliseconds(1) }, record with { Actor = "Mario" },
            record with { Action = "limit.revoke" }, record with { Entity = "credit_limit:2" }, record with { CustomerId = null },
            record with { Before = "{}" }, record with { After = """{"amount":2}""" }, record with { PrevHash = new string('1', 64) },
        ];

        Assert.Equal(record.Hash, AuditChain.Recompute(record));
        Assert.All(changed, c => Assert.NotEqual(record.Hash, AuditChain.Recompute(c)));
    }

    [Fact]
    public async Task IntactChain_Verifies()
    {
        var chain = Chain(4);

        var result = await VerifyAuditTrail.HandleAsync(new ListTrail(chain, new AuditHead(4, chain[^1].Hash)), CancellationToken.None);

        Assert.Equal(new AuditVerification(4, true, null, null), result);
    }

    [Fact]
    public async Task SwappedRecords_AreDetected()
    {
        var chain = Chain(4);
        (chain[1], chain[2]) = (chain[2], chain[1]);

        var result = await VerifyAuditTrail.HandleAsync(new ListTrail(chain, new AuditHead(4, chain[^1].Hash)), CancellationToken.None);

        Assert.Equal(2, result.BrokenAt);
    }

    [Fact]
    public async Task ARecordRebuiltWithAnotherPrevHash_IsDetectedWhereItNoLongerLinks()
    {
        var chain = Chain(3);
        var rebuilt = AuditChain.Next(new AuditHead(1, new string('e', 64)), chain[1].At, AuditChain.EntryOf(chain[1]));
        chain[1] = rebuilt;

        var result = await VerifyAuditTrail.HandleAsync(new ListTrail(chain, new AuditHead(3, chain[^1].Hash)), CancellationToken.None);

        Assert.Equal(2, result.BrokenAt);
        Assert.Contains("does not link to record 1", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordsWithoutAHead_AreDetected()
    {
        var result = await VerifyAuditTrail.HandleAsync(new ListTrail(Chain(2), null), CancellationToken.None);

        Assert.False(result.Intact);
    }

    private sealed class ListTrail(IReadOnlyList<AuditRecord> records, AuditHead? head) : IAuditTrail
    {
        public Task<AuditRecord> AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task<IReadOnlyList<AuditRecord>> ListAuditAsync(string? customerId, int limit, CancellationToken cancellationToken = default) =>
            Task.FromResult(records);

        public async IAsyncEnumerable<AuditRecord> ReadAuditAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            foreach (var record in records)
            {
                await Task.Yield();
                yield return record;
            }
        }

        public Task<AuditHead?> ReadAuditHeadAsync(CancellationToken cancellationToken = default) => Task.FromResult(head);

        public Task<long> ReadNewestSeqAsync(IReadOnlyList<string> actions, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task<AuditPage> SearchAuditAsync(AuditQuery query, CancellationToken cancellationToken = default) =>
            Task.FromResult(new AuditPage(records, records.Count, query.Page, query.PageSize));
    }
}
