using CustomerRisk.Application.Import;

namespace CustomerRisk.Application.Tests.Import;

/// <summary>An .xlsx workbook with the CSV's header on its first sheet imports to the same records: dates from date
/// cells, amounts from number cells exactly (the shortest text that round-trips the double).</summary>
public sealed class XlsxImportTests
{
    [Fact]
    public async Task Workbook_GivesTheSameRecordsAsTheCsv()
    {
        using var csvFolder = new ImportFolder();
        await csvFolder.ImportAsync(
            csvFolder.Write("customers.csv",
                "customer_id,name,credit_limit,payment_terms_days,customer_since,product_focus\nC1,Acme,5000.5,45,2019-03-01,A\nC2,Bolt,,,,\n"),
            csvFolder.Write("invoices.csv",
                "invoice_id,customer_id,issue_date,due_date,amount\nI1,C1,2026-01-01,2026-01-31,1234.56\nI2,C2,2026-02-28,2026-03-30,0.1\nI3,C1,2026-01-05,2026-02-04,100\n"));

        using var xlsxFolder = new ImportFolder();
        var customers = xlsxFolder.File_("customers.xlsx");
        XlsxFile.Write(customers,
        [
            ["customer_id", "name", "credit_limit", "payment_terms_days", "customer_since", "product_focus"],
            ["C1", "Acme", 5000.5, 45, new DateOnly(2019, 3, 1), "A"],
            ["C2", "Bolt", null, null, null, null],
        ]);
        var invoices = xlsxFolder.File_("invoices.xlsx");
        XlsxFile.Write(invoices,
        [
            ["invoice_id", "customer_id", "issue_date", "due_date", "amount"],
            ["I1", "C1", new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 31), 1234.56],
            ["I2", "C2", "2026-02-28", new DateOnly(2026, 3, 30), 0.1],
            [null, null, null, null, null],
            ["I3", "C1", new DateOnly(2026, 1, 5), new DateOnly(2026, 2, 4), 100],
        ]);

        var result = await xlsxFolder.ImportAsync(xlsxFolder.Path);

        Assert.Equal(0, result.Rejected);
        Assert.True(xlsxFolder.Store.Committed.SameAs(csvFolder.Store.Committed));
        Assert.Equal(1234.56m, xlsxFolder.Store.Committed.Invoices["I1"].Amount);
    }

    [Fact]
    public async Task BadCells_AreRejectedLikeCsvFields_WithTheirSheetRow()
    {
        using var folder = new ImportFolder();
        var invoices = folder.File_("invoices.xlsx");
        XlsxFile.Write(invoices,
        [
            ["invoice_id", "customer_id", "issue_date", "due_date", "amount", "memo"],
            ["I1", "C1", new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 31), "12,50", "x"],
            ["I2", "C1", new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 31), 12.34567, "y"],
            ["I3", "C1", 46023, new DateOnly(2026, 1, 31), 10, "z"],
            ["I4", "C1", new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 31), 1e-5, null],
        ]);

        var result = await folder.ImportAsync(folder.Write("customers.csv", ImportFolder.Customers), invoices);

        var file = result.Files[1];
        Assert.Equal("invoices.xlsx: unknown column ignored: memo", Assert.Single(file.Warnings));
        Assert.Equal(Path.Combine(folder.Path, "invoices.rejects.csv"), file.RejectsPath);
        var rejects = RejectsFile.Read(file.RejectsPath!);
        Assert.Equal(["I1", "C1", "2026-01-01", "2026-01-31", "12,50", "x", "2", "amount",
            "amount '12,50' is not a number: use '.' as the decimal separator and no thousands separator"], rejects[1]);
        Assert.Equal(["I2", "C1", "2026-01-01", "2026-01-31", "12.34567", "y", "3", "amount",
            "amount '12.34567' has 5 decimal places: the store keeps at most 4, round it to 4"], rejects[2]);
        Assert.Equal("issue_date '46023' is not a date: write it as yyyy-MM-dd, e.g. 2026-03-31", rejects[3][^1]);
        Assert.Equal("amount '0.00001' has 5 decimal places: the store keeps at most 4, round it to 4", rejects[4][^1]);
    }

    [Theory]
    [InlineData(1234.56, "1234.56")]
    [InlineData(0.1, "0.1")]
    [InlineData(100.0, "100")]
    [InlineData(-2.5, "-2.5")]
    [InlineData(1e20, "100000000000000000000")]
    [InlineData(1e-5, "0.00001")]
    [InlineData(0.30000000000000004, "0.30000000000000004")]
    public void NumberCell_BecomesTheShortestRoundTripDecimalText(double cell, string expected) =>
        Assert.Equal(expected, XlsxLedgerSource.CellText(cell));

    [Fact]
    public void DateCell_BecomesAnIsoDate_AndADateTimeKeepsItsTimeSoItIsRejected()
    {
        Assert.Equal("2026-03-31", XlsxLedgerSource.CellText(new DateTime(2026, 3, 31)));
        Assert.Equal("2026-03-31T14:30:00", XlsxLedgerSource.CellText(new DateTime(2026, 3, 31, 14, 30, 0)));
    }

    [Fact]
    public async Task EmptyWorkbook_IsRefused()
    {
        using var folder = new ImportFolder();
        var customers = folder.File_("customers.xlsx");
        XlsxFile.Write(customers, []);

        var refusal = await Assert.ThrowsAsync<ImportRefusedException>(() => folder.ImportAsync(customers));

        Assert.Contains("customers.xlsx is empty", refusal.Message, StringComparison.Ordinal);
    }
}
