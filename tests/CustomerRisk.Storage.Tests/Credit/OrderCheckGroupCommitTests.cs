using CustomerRisk.Application.Credit;
using CustomerRisk.Application.Ports;
using CustomerRisk.Storage.Credit;
using static CustomerRisk.Storage.Tests.Credit.CreditTestStore;

namespace CustomerRisk.Storage.Tests.Credit;

/// <summary>Group commit: the checks that queue while one commit runs are decided one after another in the next
/// transaction and committed together. A seam holds the first check inside its transaction until the others have
/// queued, so the batch is known; a second seam reports each batch's size after its commit.</summary>
public sealed class OrderCheckGroupCommitTests
{
    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task ChecksQueuedBehindACommit_AreDecidedInOneBatch_EachSeeingTheOnesBeforeIt(string provider)
    {
        await using var store = await ReadyAsync(provider);
        var credit = (CreditStore)store.Credit;
        var batches = RecordBatches(credit);
        // Open AR 10,000 + SO-00 5,000 = 15,000; ten orders of 10,000 then fit eight times within 100,000.
        var (release, first) = await HoldFirstCheckAsync(store, credit);
        var queued = Enumerable.Range(1, 10).Select(i => Task.Run(() => store.CheckAsync("C1", 10_000m, $"SO-{i:00}"))).ToArray();
        await WaitUntilAsync(() => credit.QueuedChecks == 10);
        release.Open();
        var checks = await Task.WhenAll(queued);
        await first;
        credit.AfterCheckDecided = null;

        Assert.Equal([1, 10], batches);
        var inOrder = checks.OrderBy(c => c.CheckId).ToArray();
        Assert.Equal([25_000m, 35_000m, 45_000m, 55_000m, 65_000m, 75_000m, 85_000m, 95_000m, 105_000m, 105_000m],
            inOrder.Select(c => c.Exposure));
        Assert.Equal([.. Enumerable.Repeat("approve", 8), "review", "review"], inOrder.Select(c => c.Decision));
        Assert.Equal(11, await store.Test.CountAsync("SELECT count(*) FROM order_checks"));
        Assert.Equal(11, await store.Test.CountAsync("SELECT count(*) FROM audit_log WHERE action = 'order.check'"));
        Assert.True((await store.VerifyAsync()).Intact);
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task AFailingCheckInABatch_IsAnsweredWithItsError_AndTheOthersAreRecordedWithoutIt(string provider)
    {
        await using var store = await ReadyAsync(provider);
        var credit = (CreditStore)store.Credit;
        var batches = RecordBatches(credit);
        var (release, first) = await HoldFirstCheckAsync(store, credit);
        // First in the next batch: an approval of 40,000 whose audit record cannot be built, after its row was written.
        var failing = Task.Run(() => credit.DecideOrderAsync("C1", "SO-BAD",
            exposure => Approval("SO-BAD", 40_000m, exposure),
            _ => throw new InvalidOperationException("The audit entry cannot be built.")));
        await WaitUntilAsync(() => credit.QueuedChecks == 1);
        var others = Enumerable.Range(1, 4).Select(i => Task.Run(() => store.CheckAsync("C1", 20_000m, $"SO-{i:00}"))).ToArray();
        await WaitUntilAsync(() => credit.QueuedChecks == 5);
        release.Open();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => failing);
        var checks = await Task.WhenAll(others);
        await first;
        credit.AfterCheckDecided = null;

        Assert.Equal("The audit entry cannot be built.", error.Message);
        // Had SO-BAD's 40,000 stayed, the third and fourth would be over the limit; the batch went round again without it.
        Assert.Equal([1, 4], batches);
        var inOrder = checks.OrderBy(c => c.CheckId).ToArray();
        Assert.Equal([35_000m, 55_000m, 75_000m, 95_000m], inOrder.Select(c => c.Exposure));
        Assert.All(inOrder, c => Assert.Equal("approve", c.Decision));
        Assert.Equal(0, await store.Test.CountAsync("SELECT count(*) FROM order_checks WHERE order_id = 'SO-BAD'"));
        Assert.Equal(5, await store.Test.CountAsync("SELECT count(*) FROM order_checks"));
        Assert.Equal(5, await store.Test.CountAsync("SELECT count(*) FROM audit_log WHERE action = 'order.check'"));
        Assert.True((await store.VerifyAsync()).Intact);
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task AQueuedCheckWhoseCallerGaveUp_IsNotRecorded_AndTheOthersAre(string provider)
    {
        await using var store = await ReadyAsync(provider);
        var credit = (CreditStore)store.Credit;
        var (release, first) = await HoldFirstCheckAsync(store, credit);
        using var giveUp = new CancellationTokenSource();
        var cancelled = Task.Run(() => CheckOrder.HandleAsync(new CheckOrderRequest("C1", 20_000m, Today, "SO-GONE"),
            store.Ledgers, store.Credit, store.Clock, giveUp.Token));
        await WaitUntilAsync(() => credit.QueuedChecks == 1);
        var other = Task.Run(() => store.CheckAsync("C1", 20_000m, "SO-01"));
        await WaitUntilAsync(() => credit.QueuedChecks == 2);
        await giveUp.CancelAsync();
        release.Open();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        var check = await other;
        await first;
        credit.AfterCheckDecided = null;

        Assert.Equal(("approve", 35_000m), (check.Decision, check.Exposure));
        Assert.Equal(0, await store.Test.CountAsync("SELECT count(*) FROM order_checks WHERE order_id = 'SO-GONE'"));
        Assert.Equal(2, await store.Test.CountAsync("SELECT count(*) FROM order_checks"));
        Assert.True((await store.VerifyAsync()).Intact);
    }

    /// <summary>C1: an open invoice of 10,000, a granted limit of 100,000, its figures cached.</summary>
    private static async Task<CreditTestStore> ReadyAsync(string provider)
    {
        var store = await CreateAsync(provider);
        await store.ImportCustomerAsync("C1", openInvoice: 10_000m);
        await store.GrantAsync("C1", 100_000m);
        await ShowLimits.HandleAsync(new ShowLimitsRequest("C1", Today), store.Ledgers, store.Credit, store.Clock, CancellationToken.None);
        return store;
    }

    /// <summary>Each committed batch's size, in commit order.</summary>
    private static List<int> RecordBatches(CreditStore credit)
    {
        var batches = new List<int>();
        credit.BatchCommitted = size => { lock (batches) { batches.Add(size); } };
        return batches;
    }

    /// <summary>Starts the check of SO-00 (5,000) and holds it inside its batch, so the checks started next queue
    /// behind it and form the next batch once the gate opens.</summary>
    private static async Task<(Gate Release, Task<OrderCheckRecord> First)> HoldFirstCheckAsync(CreditTestStore store, CreditStore credit)
    {
        var release = HoldCheck(credit, "SO-00");
        var first = Task.Run(() => store.CheckAsync("C1", 5_000m, "SO-00"));
        await WaitUntilAsync(() => credit.QueuedChecks == 0 && release.Held);
        return (release, first);
    }

    private static Gate HoldCheck(CreditStore credit, string orderId)
    {
        var gate = new Gate();
        credit.AfterCheckDecided = async (record, cancellationToken) =>
        {
            if (record.OrderId == orderId)
            {
                gate.Held = true;
                await gate.Opened.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
            }
        };
        return gate;
    }

    private static OrderCheckRecord Approval(string orderId, decimal amount, CheckExposure exposure) => new()
    {
        CustomerId = "C1",
        OrderId = orderId,
        Amount = amount,
        AsOf = Today,
        CheckedAt = new DateTimeOffset(2026, 11, 30, 9, 15, 0, TimeSpan.Zero),
        Actor = "test",
        Decision = "approve",
        Reasons = [new CheckReason("approve", "within the limit")],
        Grade = "A",
        OpenAr = 10_000m,
        OpenOrders = exposure.ApprovedOpenOrders,
        Exposure = 10_000m + exposure.ApprovedOpenOrders + amount,
        Limit = 100_000m,
        LimitSource = "granted",
        OldestDpd = 0,
        PolicyVersion = "test",
    };

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(20), "The checks did not queue as the test arranged.");
            await Task.Delay(5);
        }
    }

    private sealed class Gate
    {
        private readonly TaskCompletionSource _opened = new(TaskCreationOptions.RunContinuationsAsynchronously);

        private volatile bool _held;

        public bool Held
        {
            get => _held;
            set => _held = value;
        }

        public Task Opened => _opened.Task;

        public void Open() => _opened.TrySetResult();
    }
}
