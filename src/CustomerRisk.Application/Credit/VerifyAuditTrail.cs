using CustomerRisk.Application.Ports;

namespace CustomerRisk.Application.Credit;

/// <summary>The result of walking the audit chain.</summary>
/// <param name="Records">Records read.</param>
/// <param name="Intact">True when every record's hash, link and sequence number hold and the head matches.</param>
/// <param name="BrokenAt">The sequence number of the first broken record (or where one is missing); null when intact.</param>
/// <param name="Problem">What is wrong there, in words; null when intact.</param>
public sealed record AuditVerification(long Records, bool Intact, long? BrokenAt, string? Problem);

/// <summary>`crisk audit verify`: walks the chain from the first record, recomputing each hash and checking that it
/// links to the one before, that sequence numbers have no gap, and that the last record is the head the store
/// recorded (so deleting the newest records shows too). Stops at the first broken record.</summary>
public static class VerifyAuditTrail
{
    /// <summary>Verifies the whole chain.</summary>
    public static async Task<AuditVerification> HandleAsync(IAuditTrail trail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(trail);
        var head = await trail.ReadAuditHeadAsync(cancellationToken).ConfigureAwait(false);
        long expectedSeq = 1, count = 0;
        var previousHash = AuditChain.Genesis;
        await foreach (var record in trail.ReadAuditAsync(cancellationToken).ConfigureAwait(false))
        {
            count++;
            if (record.Seq != expectedSeq)
            {
                return Broken(count, expectedSeq, record.Seq > expectedSeq
                    ? $"record {expectedSeq} is missing (the next one is {record.Seq})"
                    : $"sequence number {record.Seq} appears out of order after {expectedSeq - 1}");
            }

            if (!string.Equals(record.PrevHash, previousHash, StringComparison.Ordinal))
            {
                return Broken(count, record.Seq, $"record {record.Seq} does not link to record {record.Seq - 1}: prev_hash {Short(record.PrevHash)}, expected {Short(previousHash)}");
            }

            var recomputed = AuditChain.Recompute(record);
            if (!string.Equals(recomputed, record.Hash, StringComparison.Ordinal))
            {
                return Broken(count, record.Seq, $"record {record.Seq} was changed: its content hashes to {Short(recomputed)}, stored hash {Short(record.Hash)}");
            }

            previousHash = record.Hash;
            expectedSeq++;
        }

        var last = expectedSeq - 1;
        if (head is null && last > 0)
        {
            return Broken(count, 1, "the chain's head record is missing");
        }

        if (head is not null && (head.Seq != last || !string.Equals(head.Hash, previousHash, StringComparison.Ordinal)))
        {
            return head.Seq > last
                ? Broken(count, last + 1, head.Seq == last + 1
                    ? $"record {head.Seq} is missing: the head says the chain ends at {head.Seq}"
                    : $"records {last + 1}–{head.Seq} are missing: the head says the chain ends at {head.Seq}")
                : Broken(count, head.Seq, $"the head (record {head.Seq}, {Short(head.Hash)}) does not match the last record ({last}, {Short(previousHash)})");
        }

        return new AuditVerification(count, true, null, null);
    }

    private static AuditVerification Broken(long count, long seq, string problem) => new(count, false, seq, problem);

    private static string Short(string hash) => hash.Length > 12 ? hash[..12] + "…" : hash;
}
