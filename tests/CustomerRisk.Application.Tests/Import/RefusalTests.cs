using CustomerRisk.Application.Import;

namespace CustomerRisk.Application.Tests.Import;

/// <summary>A file that cannot be read at all is refused with a clear message, and nothing is written: not the store,
/// not a rejects file, not even for the good files of the same import.</summary>
public sealed class RefusalTests
{
    public static TheoryData<string, byte[], string> UnreadableFiles => new()
    {
        { "invoices.csv", [], "invoices.csv is empty: a file of invoices starts with a header row such as invoice_id,customer_id,issue_date,due_date,amount,currency" },
        { "invoices.csv", "\uFEFF"u8.ToArray(), "invoices.csv is empty" },
        { "invoices.csv", "\n\n"u8.ToArray(), "invoices.csv is empty" },
        { "invoices.csv", "I1,C1,2026-01-01,2026-01-31,10\n"u8.ToArray(), "invoices.csv has no header row: its first row (I1,C1,2026-01-01,2026-01-31,10) names none of the columns of invoices" },
        { "invoices.csv", "invoice_id,customer_id,issue_date,amount\nI1,C1,2026-01-01,10\n"u8.ToArray(), "invoices.csv lacks the required column due_date (a file of invoices needs invoice_id, customer_id, issue_date, due_date, amount): add it to the header" },
        { "expert_scores.csv", "customer_id,expert_id\n"u8.ToArray(), "lacks the required columns round, date, criterion, score" },
        { "customers.csv", "customer_id,name,Name\n"u8.ToArray(), "customers.csv has the column name twice (columns 2 and 3): keep one" },
        { "customers.csv", [.. "customer_id,name\nC1,Caf"u8, 0xE9, .. "\n"u8], "customers.csv is not UTF-8 (byte 0xE9 on line 2): save it as \"CSV UTF-8\"" },
        { "customers.csv", [0xFF, 0xFE, .. "c\0u\0"u8], "customers.csv is not UTF-8 (byte 0xFF on line 1)" },
        { "customers.xlsx", "this is not a zip"u8.ToArray(), "customers.xlsx is not a readable .xlsx workbook" },
        { "customers.xls", "old"u8.ToArray(), "customers.xls is an old .xls workbook: save it as .xlsx or as \"CSV UTF-8\"" },
        { "ledger.csv", "customer_id,name\nC1,Acme\n"u8.ToArray(), "Cannot tell what ledger.csv holds: name it after its kind" },
    };

    [Theory]
    [MemberData(nameof(UnreadableFiles))]
    public async Task UnreadableFile_IsRefused_AndNothingIsWritten(string name, byte[] content, string message)
    {
        using var folder = new ImportFolder();
        var good = folder.Write("customers_good.csv", "customer_id,name\nOK,Fine\nBAD,\n");
        var bad = folder.WriteBytes(name, content);

        var refusal = await Assert.ThrowsAsync<ImportRefusedException>(() => folder.ImportAsync(good, bad));

        Assert.Contains(message, refusal.Message, StringComparison.Ordinal);
        Assert.Equal(bad, refusal.FilePath);
        Assert.Equal(0, folder.Store.Committed.Count);
        Assert.Empty(folder.BatchesSent());
        Assert.DoesNotContain(folder.FileNames(), f => f.Contains("rejects", StringComparison.Ordinal));
    }

    [Fact]
    public async Task InvalidUtf8FarIntoTheFile_IsRefusedBeforeAnyRowIsWritten()
    {
        using var folder = new ImportFolder();
        var rows = string.Concat(Enumerable.Range(0, 30_000).Select(i => $"C{i},Customer {i}\n"));
        var path = folder.WriteBytes("customers.csv", [.. System.Text.Encoding.UTF8.GetBytes("customer_id,name\n" + rows), 0xC3, 0x28, (byte)'\n']);

        var refusal = await Assert.ThrowsAsync<ImportRefusedException>(() =>
            folder.ImportAsync(new ImportLedgerRequest([path], null, null) { BatchSize = 1000 }));

        Assert.Contains("byte 0xC3 on line 30002", refusal.Message, StringComparison.Ordinal);
        Assert.Empty(folder.BatchesSent());
    }

    [Fact]
    public async Task MultiByteCharactersAcrossReadChunks_AreValidUtf8()
    {
        using var folder = new ImportFolder();
        var rows = string.Concat(Enumerable.Range(0, 20_000).Select(i => $"C{i},Käse€𝄞 {i}\n"));
        var path = folder.Write("customers.csv", "customer_id,name\n" + rows);

        var result = await folder.ImportAsync(path);

        Assert.Equal(20_000, result.Files[0].Accepted.Inserted);
    }

    [Fact]
    public async Task UnknownKindGivenByTheCaller_IsRefused()
    {
        using var folder = new ImportFolder();
        var path = folder.Write("customers.csv", ImportFolder.Customers);

        var refusal = await Assert.ThrowsAsync<ImportRefusedException>(() =>
            folder.ImportAsync(new ImportLedgerRequest([path], "receivables", null)));

        Assert.Equal("'receivables' is not a kind of file: use one of customers, invoices, payments, claims, orders, interactions, financials, expert_scores", refusal.Message);
    }

    [Fact]
    public async Task MissingPath_IsRefused()
    {
        using var folder = new ImportFolder();

        var refusal = await Assert.ThrowsAsync<ImportRefusedException>(() => folder.ImportAsync(folder.File_("nope.csv")));

        Assert.Contains("does not exist", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FolderWithoutAnyKnownFile_IsRefused()
    {
        using var folder = new ImportFolder();
        folder.Write("notes.csv", "a,b\n");

        var refusal = await Assert.ThrowsAsync<ImportRefusedException>(() => folder.ImportAsync(folder.Path));

        Assert.Contains("holds no file to import", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoPaths_IsRefused()
    {
        using var folder = new ImportFolder();

        await Assert.ThrowsAsync<ImportRefusedException>(() => folder.ImportAsync(new ImportLedgerRequest([], null, null)));
    }
}
