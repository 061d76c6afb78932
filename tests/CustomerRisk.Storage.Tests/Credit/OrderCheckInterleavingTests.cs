using System.Collections.Concurrent;
using CustomerRisk.Application.Credit;
using CustomerRisk.Application.Ports;
using CustomerRisk.Storage.Credit;
using static CustomerRisk.Storage.Tests.Credit.CreditTestStore;

namespace CustomerRisk.Storage.Tests.Credit;

/// <summary>The customer's lock (BEGIN IMMEDIATE on SQLite, the advisory lock on PostgreSQL) is what keeps two checks
/// from deciding on the same exposure. Unlike the 50-check test, this one can fail on SQLite: a seam holds each check
/// between its read of the exposure and its write, long enough for a second, unserialised check to read too.</summary>
public sealed class OrderCheckInterleavingTests
{
    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task TwoChecksHeldBetweenReadAndWrite_NeverBothDecideOnTheSameExposure(string provider)
    {
        await using var store = await CreateAsync(provider);
        // Open AR 10,000, limit 100,000: either order of 50,000 fits alone (60,000); both make 110,000.
        await store.ImportCustomerAsync("C1", openInvoice: 10_000m);
        await store.GrantAsync("C1", 100_000m);
        await ShowLimits.HandleAsync(new ShowLimitsRequest("C1", Today), store.Ledgers, store.Credit, store.Clock, CancellationToken.None);
        var credit = (CreditStore)store.Credit;
        var decided = new ConcurrentQueue<OrderCheckRecord>();
        var held = 0;
        var mostHeldAtOnce = 0;
        var arrivals = 0;
        var secondArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        credit.AfterCheckDecided = async (record, cancellationToken) =>
        {
            decided.Enqueue(record);
            var now = Interlocked.Increment(ref held);
            InterlockedMax(ref mostHeldAtOnce, now);
            if (Interlocked.Increment(ref arrivals) >= 2)
            {
                secondArrived.TrySetResult();
            }

            // Wait for the other check to decide too. Under the lock it cannot (it is queued behind this transaction),
            // so the wait ends by its bound; without the lock it ends at once, with both holding the same exposure.
            await Task.WhenAny(secondArrived.Task, Task.Delay(TimeSpan.FromSeconds(5), cancellationToken));
            Interlocked.Decrement(ref held);
        };

        var checks = await Task.WhenAll(
            Task.Run(() => store.CheckAsync("C1", 50_000m, "SO-A")),
            Task.Run(() => store.CheckAsync("C1", 50_000m, "SO-B")));
        credit.AfterCheckDecided = null;

        // Every decision the store let a check make, including any it later threw away, is in `decided`.
        Assert.Equal(1, mostHeldAtOnce);
        Assert.Equal(1, decided.Count(d => d.Decision == "approve"));
        Assert.Equal([60_000m, 110_000m], decided.Select(d => d.Exposure).Order());
        Assert.Equal(["approve", "review"], checks.Select(c => c.Decision).Order(StringComparer.Ordinal));
        Assert.True((await store.VerifyAsync()).Intact);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
