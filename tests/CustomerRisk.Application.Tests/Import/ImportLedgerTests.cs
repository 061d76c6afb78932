using CustomerRisk.Application.Import;
using CustomerRisk.Application.Ports;

namespace CustomerRisk.Application.Tests.Import;

/// <summary>The use case as a whole: folders, order, one all-or-nothing session, rejects files, batches, progress.</summary>
public sealed class ImportLedgerTests
{
    private const string Invoices = "invoice_id,customer_id,issue_date,due_date,amount\n";

    [Fact]
    public async Task FolderImport_ImportsCustomersFirst_SoOtherFilesCanNameThem()
    {
        using var folder = new ImportFolder();
        folder.Write("claims.csv", "claim_id,customer_id,claim_date,amount\nK1,Z9,2026-03-01,5\n");
        folder.Write("invoices_2026.csv", Invoices + "I1,Z9,2026-01-01,2026-01-31,10\n");
        folder.Write("A-invoices.csv", Invoices + "I2,Z9,2026-01-01,2026-01-31,10\n");
        folder.Write("zz_customers.csv", "customer_id,name\nZ0,Zero\n");
        folder.Write("customers-2026.csv", "customer_id,name\nZ9,Zed\n");
        folder.Write("invoices.rejects.csv", "invoice_id,line,column,reason\n");

        var result = await folder.ImportAsync(folder.Path);

        Assert.Equal([ImportKind.Customers, ImportKind.Invoices, ImportKind.Claims], result.Files.Select(f => f.Kind));
        Assert.Equal(["customers-2026.csv", "invoices_2026.csv", "claims.csv"], result.Files.Select(f => Path.GetFileName(f.Path)));
        Assert.Equal(0, result.Rejected);
        Assert.Equal(3, result.Accepted);
        Assert.Equal(2, result.Warnings.Count);
        Assert.All(result.Warnings, w => Assert.Contains("skipped: its name names no kind of file", w, StringComparison.Ordinal));
    }

    [Fact]
    public async Task KindGivenByTheCaller_AppliesToAFileOfAnyName()
    {
        using var folder = new ImportFolder();
        var customers = folder.Write("export-1.csv", ImportFolder.Customers);

        var result = await folder.ImportAsync(new ImportLedgerRequest([customers], "CUSTOMERS", null));

        Assert.Equal(ImportKind.Customers, result.Files[0].Kind);
        Assert.Equal(2, folder.Store.Committed.Customers.Count);
    }

    [Fact]
    public async Task FailedCommit_LeavesTheStoreAsItWas_AndWritesNoRejectsFile()
    {
        using var folder = new ImportFolder();
        var customers = folder.Write("customers.csv", "customer_id,name\nC1,Acme\nC2,\n");
        folder.Store.FailAtCommit = true;

        await Assert.ThrowsAsync<IOException>(() => folder.ImportAsync(customers));

        Assert.Equal(0, folder.Store.Committed.Count);
        Assert.Equal(["customers.csv"], folder.FileNames());
    }

    [Fact]
    public async Task LaterFileRefusedAfterCheck_NeverStartsTheSession()
    {
        using var folder = new ImportFolder();
        var customers = folder.Write("customers.csv", "customer_id,name\nC1,Acme\nC2,\n");
        var invoices = folder.Write("invoices.csv", "invoice_id\nI1\n");

        await Assert.ThrowsAsync<ImportRefusedException>(() => folder.ImportAsync(customers, invoices));

        Assert.Empty(folder.BatchesSent());
        Assert.Equal(["customers.csv", "invoices.csv"], folder.FileNames());
    }

    [Fact]
    public async Task RejectsFolder_ReceivesTheRejectsFile()
    {
        using var folder = new ImportFolder();
        var customers = folder.Write("customers.csv", "customer_id,name\nC1,\n");
        var rejectsFolder = Path.Combine(folder.Path, "rejects", "today");

        var result = await folder.ImportAsync(new ImportLedgerRequest([customers], null, rejectsFolder));

        Assert.Equal(Path.Combine(rejectsFolder, "customers.rejects.csv"), result.Files[0].RejectsPath);
        Assert.True(File.Exists(result.Files[0].RejectsPath));
        Assert.Equal(["customers.csv"], folder.FileNames());
    }

    [Fact]
    public async Task FilesOfTheSameNameFromTwoFolders_GetTwoRejectsFilesInTheRejectsFolder()
    {
        using var folder = new ImportFolder();
        Directory.CreateDirectory(Path.Combine(folder.Path, "a"));
        Directory.CreateDirectory(Path.Combine(folder.Path, "b"));
        var first = folder.Write(Path.Combine("a", "customers.csv"), "customer_id,name\nC1,\n");
        var second = folder.Write(Path.Combine("b", "customers.csv"), "customer_id,name\nC2,\n");
        var rejectsFolder = Path.Combine(folder.Path, "rejects");

        var result = await folder.ImportAsync(new ImportLedgerRequest([first, second], null, rejectsFolder));

        Assert.Equal([Path.Combine(rejectsFolder, "customers.rejects.csv"), Path.Combine(rejectsFolder, "customers.2.rejects.csv")],
            result.Files.Select(f => f.RejectsPath));
        Assert.Equal("C2", RejectsFile.Read(result.Files[1].RejectsPath!)[1][0]);
    }

    [Fact]
    public async Task RejectsFileOfAnEarlierImport_IsRemovedWhenTheFileNowImportsCleanly()
    {
        using var folder = new ImportFolder();
        var customers = folder.Write("customers.csv", "customer_id,name\nC1,\n");
        var first = await folder.ImportAsync(customers);
        Assert.NotNull(first.Files[0].RejectsPath);

        folder.Write("customers.csv", "customer_id,name\nC1,Acme\n");
        var second = await folder.ImportAsync(customers);

        Assert.Null(second.Files[0].RejectsPath);
        Assert.Equal(["customers.csv"], folder.FileNames());
    }

    [Fact]
    public async Task RowsGoToTheStoreInBatches_AndProgressIsReportedPerBatchAndAtTheEnd()
    {
        using var folder = new ImportFolder();
        var rows = string.Concat(Enumerable.Range(0, 25).Select(i => $"C{i},Name {i}\n"));
        var customers = folder.Write("customers.csv", "customer_id,name\n" + rows + "BAD,\n");
        var reports = new List<ImportProgress>();

        var result = await folder.ImportAsync(new ImportLedgerRequest([customers], null, null) { BatchSize = 10 },
            new SynchronousProgress(reports.Add));

        Assert.Equal([10, 10, 5], folder.BatchesSent());
        Assert.Equal([10L, 20L, 26L], reports.Select(r => r.RowsRead));
        Assert.Equal([false, false, true], reports.Select(r => r.FileDone));
        Assert.Equal(26, result.Files[0].RowsRead);
        Assert.Equal(new UpsertCounts(25, 0, 0), result.Files[0].Accepted);
        Assert.Equal(1, result.Files[0].Rejected);
    }

    [Fact]
    public async Task ImportingTheSameFileTwice_ChangesNothing_AndAChangedRowUpdates()
    {
        using var folder = new ImportFolder();
        var customers = folder.Write("customers.csv", ImportFolder.Customers);
        var invoices = folder.Write("invoices.csv", Invoices + "I1,C1,2026-01-01,2026-01-31,10\nI2,C2,2026-01-01,2026-01-31,20\n");
        await folder.ImportAsync(customers, invoices);
        var once = folder.Store.Committed.Copy();

        var again = await folder.ImportAsync(customers, invoices);

        Assert.True(folder.Store.Committed.SameAs(once));
        Assert.Equal(new UpsertCounts(0, 0, 2), again.Files[1].Accepted);

        folder.Write("invoices.csv", Invoices + "I1,C1,2026-01-01,2026-01-31,10.00\nI2,C2,2026-01-01,2026-02-28,20\n");
        var changed = await folder.ImportAsync(customers, invoices);

        Assert.Equal(new UpsertCounts(0, 1, 1), changed.Files[1].Accepted);
    }

    [Fact]
    public async Task CancelledImport_WritesNothing()
    {
        using var folder = new ImportFolder();
        var customers = folder.Write("customers.csv", ImportFolder.Customers);
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            ImportLedger.HandleAsync(new ImportLedgerRequest([customers], null, null), folder.Store, null, cancel.Token));

        Assert.Equal(0, folder.Store.Committed.Count);
    }

    [Fact]
    public async Task SameFileNamedTwice_IsImportedOnce()
    {
        using var folder = new ImportFolder();
        var customers = folder.Write("customers.csv", ImportFolder.Customers);

        var result = await folder.ImportAsync(customers, folder.Path);

        Assert.Single(result.Files);
    }

    private sealed class SynchronousProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
