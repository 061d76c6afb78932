using CustomerRisk.Application.Ports;
using Microsoft.Data.Sqlite;
using static CustomerRisk.Storage.Tests.Rows;

namespace CustomerRisk.Storage.Tests;

/// <summary>A store opened with <see cref="RiskStoreOptions.ImportsAlone"/> (as `crisk import` opens it): on SQLite the
/// import takes the file for itself with a rollback journal when no other connection has it open, and shares it
/// through the WAL as before when one has. Either way the import is all or nothing and the file is in WAL mode after.</summary>
public sealed class ImportAloneTests
{
    private static readonly RiskStoreOptions Alone = new() { ImportsAlone = true };

    [Fact]
    public async Task WithTheFileToItself_OtherReadersWait_AndTheFileIsBackInWalModeAfterTheCommit()
    {
        await using var test = await TestStore.CreateAsync("sqlite");
        await using var store = RiskStoreFactory.Open(test.Db, test.Clock, Alone);
        await using (var session = await store.BeginImportAsync())
        {
            await session.UpsertCustomersAsync([Customer("C1"), Customer("C2")]);

            // Not WAL: a reader cannot read the state before the import, it has to wait for the file.
            var busy = await Assert.ThrowsAsync<SqliteException>(() => CountCustomersAsync(test.Db));
            Assert.Equal(SQLitePCL.raw.SQLITE_BUSY, busy.SqliteErrorCode);
            await session.CommitAsync();
        }

        Assert.Equal(2, await CountCustomersAsync(test.Db));
        Assert.Equal("wal", await JournalModeAsync(test));
        Assert.False(File.Exists(test.Db + "-journal"), "the rollback journal is removed with the session");
    }

    [Fact]
    public async Task WhenAnotherConnectionHasTheFileOpen_TheImportSharesItThroughTheWal()
    {
        await using var test = await TestStore.CreateAsync("sqlite");
        await using (var first = await test.Store.BeginImportAsync())
        {
            await first.UpsertCustomersAsync([Customer("C1")]);
            await first.CommitAsync();
        }

        // As a running server holds it: open, idle between requests.
        await using var other = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = test.Db, Pooling = false }.ToString());
        await other.OpenAsync();
        Assert.Equal(1, await CountCustomersAsync(other));

        await using var store = RiskStoreFactory.Open(test.Db, test.Clock, Alone);
        await using (var session = await store.BeginImportAsync())
        {
            await session.UpsertCustomersAsync([Customer("C2"), Customer("C3")]);
            // The other connection goes on reading the store as it was before the import.
            Assert.Equal(1, await CountCustomersAsync(other));
            await session.CommitAsync();
        }

        Assert.Equal(3, await CountCustomersAsync(other));
        Assert.Equal("wal", await JournalModeAsync(test));
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task DisposedWithoutCommit_LeavesTheStoreAsItWas(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        await using (var first = await test.Store.BeginImportAsync())
        {
            await first.UpsertCustomersAsync([Customer("C1", "Alpha")]);
            await first.UpsertInvoicesAsync([Invoice("I1", "C1", "2026-01-01", "2026-01-31", 10m)]);
            await first.CommitAsync();
        }

        await using (var store = RiskStoreFactory.Open(test.Db, test.Clock, Alone))
        {
            await using var session = await store.BeginImportAsync();
            await session.UpsertCustomersAsync([Customer("C1", "Renamed"), Customer("C2")]);
            await session.UpsertInvoicesAsync([Invoice("I1", "C1", "2026-01-01", "2026-01-31", 99m), Invoice("I2", "C2", "2026-01-01", "2026-01-31", 5m)]);
            await session.UpsertPaymentsAsync([Payment("P1", "C2", "2026-01-05", 5m, "I2")]);
        }

        Assert.Equal(1, await test.CountAsync("SELECT count(*) FROM customers"));
        Assert.Equal(1, await test.CountAsync("SELECT count(*) FROM invoices"));
        Assert.Equal(0, await test.CountAsync("SELECT count(*) FROM payments"));
        Assert.Equal(0, await test.CountAsync("SELECT count(*) FROM record_history"));
        Assert.Equal(1, await test.CountAsync("SELECT count(*) FROM import_runs"));
        var ledger = await ImportSessionTests.FirstLedgerAsync(test, "C1");
        Assert.Equal("Alpha", ledger.Customer.Name);
        Assert.Equal(10m, ledger.Invoices.Span[0].Amount);
        if (provider == "sqlite")
        {
            Assert.Equal("wal", await JournalModeAsync(test));
        }
    }

    [Theory]
    [StoreProviders]
    [PostgresProvider]
    public async Task ImportingTwice_EqualsImportingOnce(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        async Task<UpsertCounts> ImportAsync()
        {
            await using var store = RiskStoreFactory.Open(test.Db, test.Clock, Alone);
            await using var session = await store.BeginImportAsync();
            var counts = await session.UpsertCustomersAsync([Customer("C1"), Customer("C2")]);
            counts += await session.UpsertInvoicesAsync(
                [Invoice("I1", "C1", "2026-01-01", "2026-01-31", 10m), Invoice("I2", "C2", "2026-01-02", "2026-02-01", 20m)]);
            counts += await session.UpsertPaymentsAsync([Payment("P1", "C1", "2026-01-20", 10m, "I1")]);
            await session.CommitAsync();
            return counts;
        }

        Assert.Equal(new UpsertCounts(5, 0, 0), await ImportAsync());
        Assert.Equal(new UpsertCounts(0, 0, 5), await ImportAsync());
        Assert.Equal(2, await test.CountAsync("SELECT count(*) FROM invoices"));
        Assert.Equal(0, await test.CountAsync("SELECT count(*) FROM record_history"));
        Assert.Equal(0, (await ImportSessionTests.FirstLedgerAsync(test, "C1")).Payments.Span[0].InvoiceIndex);
    }

    private static async Task<long> CountCustomersAsync(string path)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await connection.OpenAsync();
        return await CountCustomersAsync(connection);
    }

    private static async Task<long> CountCustomersAsync(SqliteConnection connection)
    {
        await using var command = connection.CreateCommand();
        // Microsoft.Data.Sqlite retries a busy statement until the command's timeout; one second is enough to see it.
        command.CommandTimeout = 1;
        command.CommandText = "SELECT count(*) FROM customers";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<string> JournalModeAsync(TestStore test) =>
        (string)(await test.QueryAsync("PRAGMA journal_mode")).Single()[0]!;
}
