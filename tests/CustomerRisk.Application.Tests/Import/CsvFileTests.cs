using System.Text;
using CustomerRisk.Application.Import;

namespace CustomerRisk.Application.Tests.Import;

/// <summary>The CSV format itself: BOM, header matching, unknown columns, RFC 4180 quoting into the rejects file, line
/// numbers, blank lines.</summary>
public sealed class CsvFileTests
{
    private const string Invoices = "invoice_id,customer_id,issue_date,due_date,amount";

    [Fact]
    public async Task RejectedRow_IsWrittenUnchanged_WithQuotedCommasQuotesAndNewlines()
    {
        using var folder = new ImportFolder();
        var text = "interaction_note_ignored,event_id,customer_id,date,type,note\r\n"
            + "\"a, b\",E1,C1,2026-03-01,complaint,\"said \"\"never\"\"\r\nagain, really\"\r\n"
            + "\"x\",E2,C1,2026-03-01,call,\"two\nlines, \"\"quoted\"\"\"\r\n"
            + "plain,E3,C1,2026-03-01,visit,ok\r\n";
        var path = folder.Write("interactions.csv", text);

        var result = await folder.ImportAsync(folder.Write("customers.csv", ImportFolder.Customers), path);

        var file = result.Files[1];
        Assert.Equal(3, file.RowsRead);
        Assert.Equal(1, file.Rejected);
        Assert.Equal("said \"never\"\r\nagain, really", folder.Store.Committed.Interactions["E1"].Note);
        var rejectsText = await File.ReadAllTextAsync(file.RejectsPath!);
        Assert.Equal(
            "interaction_note_ignored,event_id,customer_id,date,type,note,line,column,reason\r\n"
            + "x,E2,C1,2026-03-01,call,\"two\nlines, \"\"quoted\"\"\",4,type,"
            + "\"type 'call' is not one of the codes: use complaint, refund, return, dispute, collection_call, promise_to_pay, broken_promise, visit or bad_record\"\r\n",
            rejectsText);
    }

    [Fact]
    public async Task LineNumbers_CountPhysicalLines_IncludingBlankLinesAndQuotedNewlines()
    {
        using var folder = new ImportFolder();
        var path = folder.Write("invoices.csv",
            $"{Invoices}\n\nI1,C1,2026-01-01,2026-01-31,10\n,,,,\n\"I\n2\",C1,2026-01-01,2026-01-31,10\nI3,C1,2026-01-01,2025-12-31,10\n");

        var result = await folder.ImportAsync(folder.Write("customers.csv", ImportFolder.Customers), path);

        var file = result.Files[1];
        Assert.Equal(3, file.RowsRead);
        var rejects = RejectsFile.Read(file.RejectsPath!);
        Assert.Equal("7", rejects[1][^3]);
        Assert.Equal(["I\n2", "I1"], folder.Store.Committed.Invoices.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ByteOrderMark_IsAccepted()
    {
        using var folder = new ImportFolder();
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("customer_id,name\nC1,Äcme\n")).ToArray();
        var path = folder.WriteBytes("customers.csv", bytes);

        var result = await folder.ImportAsync(path);

        Assert.Equal(1, result.Files[0].Accepted.Inserted);
        Assert.Empty(result.Files[0].Warnings);
        Assert.Equal("Äcme", folder.Store.Committed.Customers["C1"].Name);
    }

    [Fact]
    public async Task HeaderNames_MatchWhateverTheirCaseAndSurroundingSpaces()
    {
        using var folder = new ImportFolder();
        var path = folder.Write("customers.csv", "Customer_ID, NAME ,Payment_Terms_Days,PRODUCT_FOCUS\nC1,Acme,45,b\n");

        await folder.ImportAsync(path);

        var customer = folder.Store.Committed.Customers["C1"];
        Assert.Equal(45, customer.PaymentTermsDays);
        Assert.Equal(Domain.ProductFocus.MainlyOurs, customer.ProductFocus);
    }

    [Fact]
    public async Task UnknownColumns_AreIgnored_WithOneWarningPerFile()
    {
        using var folder = new ImportFolder();
        var path = folder.Write("customers.csv", "customer_id,name,vat_number,fax\nC1,Acme,DE1,0\nC2,Bolt,DE2,0\n");

        var result = await folder.ImportAsync(path);

        var warning = Assert.Single(result.Files[0].Warnings);
        Assert.Equal("customers.csv: unknown columns ignored: vat_number, fax", warning);
        Assert.Equal(2, result.Files[0].Accepted.Inserted);
    }

    [Fact]
    public async Task BrokenQuoting_RejectsTheRow_NotTheFile()
    {
        using var folder = new ImportFolder();
        var path = folder.Write("customers.csv", "customer_id,name\nC1,Ac\"me\nC2,Bolt\n");

        var result = await folder.ImportAsync(path);

        Assert.Equal(1, result.Files[0].Rejected);
        var rejected = RejectsFile.Read(result.Files[0].RejectsPath!)[1];
        Assert.Equal("2", rejected[^3]);
        Assert.Equal(string.Empty, rejected[^2]);
        Assert.Contains("quoting is broken", rejected[^1], StringComparison.Ordinal);
        Assert.Equal(["C2"], folder.Store.Committed.Customers.Keys);
    }

    [Fact]
    public async Task ShortRow_IsReadAsEmptyTrailingValues_AndPaddedInTheRejectsFile()
    {
        using var folder = new ImportFolder();
        var path = folder.Write("invoices.csv", $"{Invoices},currency\nI1,C1,2026-01-01\n");

        var result = await folder.ImportAsync(folder.Write("customers.csv", ImportFolder.Customers), path);

        var rejected = RejectsFile.Read(result.Files[1].RejectsPath!)[1];
        Assert.Equal(["I1", "C1", "2026-01-01", string.Empty, string.Empty, string.Empty, "2", "due_date", "due_date is empty: it is required"], rejected);
    }

    [Fact]
    public async Task ValuesAreTrimmed_CodesAreCaseInsensitive_AndDefaultsApply()
    {
        using var folder = new ImportFolder();
        var customers = folder.Write("customers.csv",
            "customer_id,name,payment_terms_days,product_focus,credit_limit\n C1 ,Acme, ,D,\nC2,Bolt,0,Mainly_Ours,5000.5000\n");
        var orders = folder.Write("orders.csv", "order_id,customer_id,order_date,amount,status\nO1,C1,2026-01-05,12.50000,\nO2,C2,2026-01-05,7,CANCELLED\n");
        var invoices = folder.Write("invoices.csv", "invoice_id,customer_id,issue_date,due_date,amount,currency\nI1,C1,2026-01-01,2026-01-01,0.0001,eur\n");

        await folder.ImportAsync(customers, orders, invoices);

        var state = folder.Store.Committed;
        Assert.Equal(30, state.Customers["C1"].PaymentTermsDays);
        Assert.Null(state.Customers["C1"].CreditLimit);
        Assert.Equal(Domain.ProductFocus.MainlyCompetitor, state.Customers["C1"].ProductFocus);
        Assert.Equal(0, state.Customers["C2"].PaymentTermsDays);
        Assert.Equal(5000.5m, state.Customers["C2"].CreditLimit);
        Assert.Equal(Domain.OrderStatus.Open, state.Orders["O1"].Status);
        Assert.Equal(12.5m, state.Orders["O1"].Amount);
        Assert.Equal(Domain.OrderStatus.Cancelled, state.Orders["O2"].Status);
        Assert.Equal(0.0001m, state.Invoices["I1"].Amount);
        Assert.Equal("EUR", state.Invoices["I1"].Currency);
    }

    [Theory]
    [InlineData("A", Domain.ProductFocus.Exclusive)]
    [InlineData("b", Domain.ProductFocus.MainlyOurs)]
    [InlineData("C", Domain.ProductFocus.Equal)]
    [InlineData("D", Domain.ProductFocus.MainlyCompetitor)]
    [InlineData("exclusive", Domain.ProductFocus.Exclusive)]
    [InlineData("mainly_competitor", Domain.ProductFocus.MainlyCompetitor)]
    public async Task ProductFocus_AcceptsTheLettersAToDAndTheCodes(string text, Domain.ProductFocus expected)
    {
        using var folder = new ImportFolder();
        await folder.ImportAsync(folder.Write("customers.csv", $"customer_id,name,product_focus\nC1,Acme,{text}\n"));

        Assert.Equal(expected, folder.Store.Committed.Customers["C1"].ProductFocus);
    }
}
