using CustomerRisk.Domain;
using Microsoft.EntityFrameworkCore;
using static CustomerRisk.Storage.Tests.Rows;

namespace CustomerRisk.Storage.Tests;

public sealed class EfModelTests
{
    private static RiskDbContext Context(TestStore test) => test.Provider == "sqlite"
        ? new SqliteRiskDbContext($"Data Source={test.Db}")
        : new PostgresRiskDbContext(test.Db);

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task EfModel_ReadsWhatTheBulkPathsWrote_WithTheSameValues(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        await using (var session = await test.Store.BeginImportAsync())
        {
            await session.UpsertCustomersAsync([Customer("C1") with { CreditLimit = 1234.5678m, ProductFocus = ProductFocus.Equal, CustomerSince = D("2020-02-29") }]);
            await session.UpsertInvoicesAsync([Invoice("I1", "C1", "2026-01-01", "2026-01-31", 99_999_999_999_999.9999m)]);
            await session.UpsertPaymentsAsync([Payment("P1", "C1", "2026-01-15", 0.0001m, "I1")]);
            await session.UpsertOrdersAsync([new SalesOrder { OrderId = "O1", CustomerId = "C1", OrderDate = D("2026-02-01"), Amount = 5m, Status = OrderStatus.Invoiced }]);
            await session.CommitAsync();
        }

        await using (var session = await test.Store.BeginImportAsync())
        {
            await session.UpsertInvoicesAsync([Invoice("I1", "C1", "2026-01-01", "2026-02-28", 99_999_999_999_999.9999m)]);
            await session.CommitAsync();
        }

        await using var context = Context(test);
        var customer = await context.Customers.SingleAsync();
        var invoice = await context.Invoices.SingleAsync();
        var payment = await context.Payments.SingleAsync();
        var order = await context.SalesOrders.SingleAsync();
        var change = await context.RecordHistory.SingleAsync();
        var runs = await context.ImportRuns.ToListAsync();

        Assert.Equal((1234.5678m, ProductFocus.Equal, D("2020-02-29")), (customer.CreditLimit, customer.ProductFocus!.Value, customer.CustomerSince!.Value));
        Assert.Equal((99_999_999_999_999.9999m, D("2026-02-28"), customer.CustomerKey), (invoice.Amount, invoice.DueDate, invoice.CustomerKey));
        Assert.Equal((0.0001m, invoice.InvoiceKey), (payment.Amount, payment.InvoiceKey!.Value));
        Assert.Equal(OrderStatus.Invoiced, order.Status);
        Assert.Equal(("invoices", "I1"), (change.TableName, change.RecordKey));
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 8, 30, 0, TimeSpan.Zero), change.ChangedAt);
        Assert.Equal((4, 1), (runs.Sum(r => r.Inserted), runs.Sum(r => r.Updated)));
        Assert.Equal(change.ImportRunId, runs.Single(r => r.Updated == 1).ImportRunId);
    }
}
