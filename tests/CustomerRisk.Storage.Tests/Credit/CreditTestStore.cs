using CustomerRisk.Application.Credit;
using CustomerRisk.Application.Ports;
using CustomerRisk.Domain;
using CustomerRisk.Storage.Credit;
using static CustomerRisk.Storage.Tests.Rows;

namespace CustomerRisk.Storage.Tests.Credit;

/// <summary>A fresh store with its credit store, and helpers to import a customer and run the credit use cases.</summary>
public sealed class CreditTestStore : IAsyncDisposable
{
    public static readonly DateOnly Today = D("2026-11-30");

    private CreditTestStore(TestStore test, ICreditStore credit)
    {
        Test = test;
        Credit = credit;
    }

    public TestStore Test { get; }

    public ICreditStore Credit { get; }

    public IRiskStore Ledgers => Test.Store;

    public TimeProvider Clock => Test.Clock;

    public static async Task<CreditTestStore> CreateAsync(string provider)
    {
        var test = await TestStore.CreateAsync(provider, new FixedClock(new DateTimeOffset(2026, 11, 30, 9, 15, 0, TimeSpan.Zero)));
        return new CreditTestStore(test, CreditStoreFactory.Open(test.Db, test.Clock));
    }

    /// <summary>Imports a customer with an open invoice (not yet due on <see cref="Today"/>) and, optionally, sales orders.</summary>
    public async Task ImportCustomerAsync(string customerId, decimal openInvoice = 0m, decimal? creditLimit = null,
        params SalesOrder[] orders)
    {
        await using var session = await Ledgers.BeginImportAsync();
        await session.UpsertCustomersAsync([Customer(customerId) with { CreditLimit = creditLimit }]);
        if (openInvoice > 0m)
        {
            await session.UpsertInvoicesAsync([Invoice($"{customerId}-I1", customerId, "2026-11-20", "2026-12-20", openInvoice)]);
        }

        if (orders.Length > 0)
        {
            await session.UpsertOrdersAsync(orders);
        }

        await session.CommitAsync();
    }

    public static SalesOrder Order(string id, string customerId, decimal amount, OrderStatus status = OrderStatus.Open) =>
        new() { OrderId = id, CustomerId = customerId, OrderDate = D("2026-11-25"), Amount = amount, Status = status };

    public Task<GrantLimitResult> GrantAsync(string customerId, decimal amount, string from = "2026-11-01", string? until = null,
        bool temporary = false) =>
        GrantLimit.HandleAsync(new GrantLimitRequest(customerId, amount, "Maria Credit", "annual review", D(from),
            until is null ? null : D(until), temporary), Ledgers, Credit, Clock, CancellationToken.None);

    public Task<OrderCheckRecord> CheckAsync(string customerId, decimal amount, string? orderId = null, DateOnly? asOf = null) =>
        CheckOrder.HandleAsync(new CheckOrderRequest(customerId, amount, asOf ?? Today, orderId), Ledgers, Credit, Clock,
            CancellationToken.None);

    public Task<AuditVerification> VerifyAsync() => VerifyAuditTrail.HandleAsync(Credit, CancellationToken.None);

    /// <summary>Runs SQL past the store, as someone with database rights would.</summary>
    public async Task ExecuteAsync(string sql)
    {
        await using var connection = await Test.ConnectAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Credit.DisposeAsync();
        await Test.DisposeAsync();
    }
}
