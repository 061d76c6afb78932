using CustomerRisk.Application.Import;

namespace CustomerRisk.Application.Tests.Import;

/// <summary>Every rule of every kind's table (spec/data-formats.md): a row that breaks it is rejected, with the column
/// and a reason a clerk can act on, and written to the rejects file; the good row beside it is imported.</summary>
public sealed class RowRulesTests
{
    private const string Invoices = "invoice_id,customer_id,issue_date,due_date,amount,currency";
    private const string Payments = "payment_id,customer_id,payment_date,amount,invoice_id";
    private const string Claims = "claim_id,customer_id,claim_date,amount,invoice_id,reason";
    private const string Orders = "order_id,customer_id,order_date,amount,status";
    private const string Interactions = "event_id,customer_id,date,type,amount,note";
    private const string Financials = "customer_id,period_end,revenue,net_income,total_assets,total_liabilities,current_assets,current_liabilities,operating_cash_flow";
    private const string ExpertScores = "customer_id,round,expert_id,date,criterion,score";
    private const string Customers = "customer_id,name,industry,region,sales_owner,annual_revenue,credit_limit,payment_terms_days,product_focus,customer_since";

    private static readonly string LongKey = new('K', 65);

    public static TheoryData<string, string, string, string, string, string> BadRows => new()
    {
        // file, header, good row, bad row, column, reason (a part of it)
        { "invoices.csv", Invoices, "I0,C1,2026-01-01,2026-01-31,100,", ",C1,2026-01-01,2026-01-31,100,", "invoice_id", "invoice_id is empty: it is required" },
        { "invoices.csv", Invoices, "I0,C1,2026-01-01,2026-01-31,100,", "I1,,2026-01-01,2026-01-31,100,", "customer_id", "customer_id is empty: it is required" },
        { "invoices.csv", Invoices, "I0,C1,2026-01-01,2026-01-31,100,", "I1,C1,,2026-01-31,100,", "issue_date", "issue_date is empty: it is required" },
        { "invoices.csv", Invoices, "I0,C1,2026-01-01,2026-01-31,100,", "I1,C1,2026-01-01,,100,", "due_date", "due_date is empty: it is required" },
        { "invoices.csv", Invoices, "I0,C1,2026-01-01,2026-01-31,100,", "I1,C1,2026-01-01,2026-01-31,,", "amount", "amount is empty: it is required" },
        { "invoices.csv", Invoices, "I0,C1,2026-01-01,2026-01-31,100,", "I1,C1,01/03/2026,2026-01-31,100,", "issue_date", "issue_date '01/03/2026' is not a date: write it as yyyy-MM-dd" },
        { "invoices.csv", Invoices, "I0,C1,2026-01-01,2026-01-31,100,", "I1,C1,2026-1-5,2026-01-31,100,", "issue_date", "issue_date '2026-1-5' is not a date" },
        { "invoices.csv", Invoices, "I0,C1,2026-01-01,2026-01-31,100,", "I1,C1,2026-01-01,2026-02-30,100,", "due_date", "due_date '2026-02-30' is not a day of the calendar" },
        { "invoices.csv", Invoices, "I0,C1,2026-01-01,2026-01-31,100,", "I1,C1,2026-02-01,2026-01-31,100,", "due_date", "due_date 2026-01-31 is before issue_date 2026-02-01" },
        { "invoices.csv", Invoices, "I0,C1,2026-01-01,2026-01-31,100,", "I1,C1,2026-01-01,2026-01-31,0,", "amount", "amount '0' must be greater than 0" },
        { "invoices.csv", Invoices, "I0,C1,2026-01-01,2026-01-31,100,", "I1,C1,2026-01-01,2026-01-31,0.00,", "amount", "amount '0.00' must be greater than 0" },
        { "invoices.csv", Invoices, "I0,C1,2026-01-01,2026-01-31,100,", "I1,C1,2026-01-01,2026-01-31,-12.50,", "amount", "amount '-12.50' must be greater than 0" },
        { "invoices.csv", Invoices, "I0,C1,2026-01-01,2026-01-31,100,", "I1,C1,2026-01-01,2026-01-31,\"1,234.50\",", "amount", "amount '1,234.50' has a thousands separator: write it without one" },
        { "invoices.csv", Invoices, "I0,C1,2026-01-01,2026-01-31,100,", "I1,C1,2026-01-01,2026-01-31,\"12,50\",", "amount", "amount '12,50' is not a number: use '.' as the decimal separator and no thousands separator" },
        { "invoices.csv", Invoices, "I0,C1,2026-01-01,2026-01-31,100,", "I1,C1,2026-01-01,2026-01-31,\"12,5\",", "amount", "amount '12,5' is not a number: use '.' as the decimal separator" },
        { "invoices.csv", Invoices, "I0,C1,2026-01-01,2026-01-31,100,", "I1,C1,2026-01-01,2026-01-31,12.34567,", "amount", "amount '12.34567' has 5 decimal places: the store keeps at most 4, round it to 4" },
        { "invoices.csv", Invoices, "I0,C1,2026-01-01,2026-01-31,100,", "I1,C1,2026-01-01,2026-01-31,1e5,", "amount", "amount '1e5' is not a number" },
        { "invoices.csv", Invoices, "I0,C1,2026-01-01,2026-01-31,100,", "I1,C1,2026-01-01,2026-01-31,€100,", "amount", "amount '€100' is not a number" },
        { "invoices.csv", Invoices, "I0,C1,2026-01-01,2026-01-31,100,", "I1,C9,2026-01-01,2026-01-31,100,", "customer_id", "customer_id 'C9' is not a known customer" },
        { "invoices.csv", Invoices, "I0,C1,2026-01-01,2026-01-31,100,", $"{LongKey},C1,2026-01-01,2026-01-31,100,", "invoice_id", "is 65 characters long: an id has at most 64" },
        { "invoices.csv", Invoices, "I0,C1,2026-01-01,2026-01-31,100,", "I1,C1,2026-01-01,2026-01-31,100,EURO", "currency", "currency 'EURO' is not an ISO 4217 currency code" },

        { "payments.csv", Payments, "P0,C1,2026-02-01,50,", ",C1,2026-02-01,50,", "payment_id", "payment_id is empty" },
        { "payments.csv", Payments, "P0,C1,2026-02-01,50,", "P1,C9,2026-02-01,50,", "customer_id", "customer_id 'C9' is not a known customer" },
        { "payments.csv", Payments, "P0,C1,2026-02-01,50,", "P1,C1,,50,", "payment_date", "payment_date is empty" },
        { "payments.csv", Payments, "P0,C1,2026-02-01,50,", "P1,C1,2026-02-29,50,", "payment_date", "payment_date '2026-02-29' is not a day of the calendar" },
        { "payments.csv", Payments, "P0,C1,2026-02-01,50,", "P1,C1,2026-02-01,0,", "amount", "amount '0' must be greater than 0" },
        { "payments.csv", Payments, "P0,C1,2026-02-01,50,", "P1,C1,2026-02-01,-1,", "amount", "amount '-1' must be greater than 0" },
        { "payments.csv", Payments, "P0,C1,2026-02-01,50,", $"P1,C1,2026-02-01,50,{LongKey}", "invoice_id", "is 65 characters long" },

        { "claims.csv", Claims, "K0,C1,2026-03-01,10,,quality", "K1,C1,2026-03-01,10,,qualty", "reason", "reason 'qualty' is not one of the codes: use quality, shortage, price or other" },
        { "claims.csv", Claims, "K0,C1,2026-03-01,10,,quality", "K1,C1,2026-03-01,-10,,quality", "amount", "must be greater than 0" },
        { "claims.csv", Claims, "K0,C1,2026-03-01,10,,quality", "K1,C1,March 1,10,,quality", "claim_date", "claim_date 'March 1' is not a date" },
        { "claims.csv", Claims, "K0,C1,2026-03-01,10,,quality", "K1,C2x,2026-03-01,10,,quality", "customer_id", "is not a known customer" },

        { "orders.csv", Orders, "O0,C1,2026-03-01,10,open", "O1,C1,2026-03-01,10,shipped", "status", "status 'shipped' is not one of the codes: use open, invoiced or cancelled" },
        { "orders.csv", Orders, "O0,C1,2026-03-01,10,open", "O1,C1,2026-03-01,0,open", "amount", "must be greater than 0" },
        { "orders.csv", Orders, "O0,C1,2026-03-01,10,open", "O1,C1,20260301,10,open", "order_date", "order_date '20260301' is not a date" },

        { "interactions.csv", Interactions, "E0,C1,2026-03-01,complaint,,", "E1,C1,2026-03-01,phone,,", "type", "type 'phone' is not one of the codes: use complaint, refund" },
        { "interactions.csv", Interactions, "E0,C1,2026-03-01,complaint,,", "E1,C1,2026-03-01,,,", "type", "type is empty: it is required" },
        { "interactions.csv", Interactions, "E0,C1,2026-03-01,complaint,,", "E1,C1,2026-03-01,refund,-5,", "amount", "amount '-5' must not be negative" },
        { "interactions.csv", Interactions, "E0,C1,2026-03-01,complaint,,", "E1,C1,2026-00-10,refund,5,", "date", "date '2026-00-10' is not a day of the calendar" },

        { "financials.csv", Financials, "C1,2025-12-31,1000,-50,,,,,", "C1,,1000,-50,,,,,", "period_end", "period_end is empty" },
        { "financials.csv", Financials, "C1,2025-12-31,1000,-50,,,,,", "C1,2024-12-31,\"1,000.00\",-50,,,,,", "revenue", "revenue '1,000.00' has a thousands separator" },
        { "financials.csv", Financials, "C1,2025-12-31,1000,-50,,,,,", "C1,2024-12-31,1000,-50,-1,,,,", "total_assets", "total_assets '-1' must not be negative" },
        { "financials.csv", Financials, "C1,2025-12-31,1000,-50,,,,,", "C7,2024-12-31,1000,-50,,,,,", "customer_id", "is not a known customer" },
        { "financials.csv", Financials, "C1,2025-12-31,1000,-50,,,,,", "C1,2024-12-31,1000,-50.123456,,,,,", "net_income", "has 6 decimal places" },

        { "expert_scores.csv", ExpertScores, "C1,1,X1,2026-01-10,overall,4", "C1,1,X2,2026-01-10,overall,6", "score", "score '6' is not a whole number from 1 to 5" },
        { "expert_scores.csv", ExpertScores, "C1,1,X1,2026-01-10,overall,4", "C1,1,X2,2026-01-10,overall,0", "score", "score '0' is not a whole number from 1 to 5" },
        { "expert_scores.csv", ExpertScores, "C1,1,X1,2026-01-10,overall,4", "C1,1,X2,2026-01-10,overall,4.5", "score", "score '4.5' is not a whole number from 1 to 5" },
        { "expert_scores.csv", ExpertScores, "C1,1,X1,2026-01-10,overall,4", "C1,1,X2,2026-01-10,overall,", "score", "score is empty: it is required" },
        { "expert_scores.csv", ExpertScores, "C1,1,X1,2026-01-10,overall,4", "C1,0,X2,2026-01-10,overall,4", "round", "round '0' is not a whole number from 1 to 1000" },
        { "expert_scores.csv", ExpertScores, "C1,1,X1,2026-01-10,overall,4", "C1,1,,2026-01-10,overall,4", "expert_id", "expert_id is empty" },
        { "expert_scores.csv", ExpertScores, "C1,1,X1,2026-01-10,overall,4", "C1,1,X2,2026-01-10,charm,4", "criterion", "criterion 'charm' is not one of the codes: use collection_effort, claim_cause, bad_record or overall" },
        { "expert_scores.csv", ExpertScores, "C1,1,X1,2026-01-10,overall,4", "C9,1,X2,2026-01-10,overall,4", "customer_id", "is not a known customer" },

        { "customers.csv", Customers, "C1,Acme,,,,,,,,", ",Acme,,,,,,,,", "customer_id", "customer_id is empty: it is required" },
        { "customers.csv", Customers, "C1,Acme,,,,,,,,", "C3,,,,,,,,,", "name", "name is empty: it is required" },
        { "customers.csv", Customers, "C1,Acme,,,,,,,,", $"{LongKey},Acme,,,,,,,,", "customer_id", "is 65 characters long: an id has at most 64" },
        { "customers.csv", Customers, "C1,Acme,,,,,,,,", "C3,Acme,,,,\"12,5\",,,,", "annual_revenue", "annual_revenue '12,5' is not a number" },
        { "customers.csv", Customers, "C1,Acme,,,,,,,,", "C3,Acme,,,,,-1,,,", "credit_limit", "credit_limit '-1' must not be negative" },
        { "customers.csv", Customers, "C1,Acme,,,,,,,,", "C3,Acme,,,,,,3651,,", "payment_terms_days", "payment_terms_days '3651' is not a whole number from 0 to 3650" },
        { "customers.csv", Customers, "C1,Acme,,,,,,,,", "C3,Acme,,,,,,-1,,", "payment_terms_days", "payment_terms_days '-1' is not a whole number from 0 to 3650" },
        { "customers.csv", Customers, "C1,Acme,,,,,,,,", "C3,Acme,,,,,,30.5,,", "payment_terms_days", "is not a whole number" },
        { "customers.csv", Customers, "C1,Acme,,,,,,,,", "C3,Acme,,,,,,,E,", "product_focus", "product_focus 'E' is not one of the codes: use exclusive, mainly_ours, equal, mainly_competitor or the letters A, B, C, D" },
        { "customers.csv", Customers, "C1,Acme,,,,,,,,", "C3,Acme,,,,,,,,2026-13-01", "customer_since", "customer_since '2026-13-01' is not a day of the calendar" },
    };

    [Theory]
    [MemberData(nameof(BadRows))]
    public async Task Row_IsRejected_WithColumnAndReason_AndTheGoodRowIsImported(string file, string header,
        string goodRow, string badRow, string column, string reason)
    {
        using var folder = new ImportFolder();
        var paths = new List<string>();
        if (file != "customers.csv")
        {
            paths.Add(folder.Write("customers.csv", ImportFolder.Customers));
        }

        paths.Add(folder.Write(file, $"{header}\n{goodRow}\n{badRow}\n"));

        var result = await folder.ImportAsync(paths.ToArray());

        var imported = result.Files.Single(f => f.Path.EndsWith(file, StringComparison.Ordinal));
        Assert.Equal(2, imported.RowsRead);
        Assert.Equal(1, imported.Accepted.Inserted);
        Assert.Equal(1, imported.Rejected);
        var rejects = RejectsFile.Read(imported.RejectsPath!);
        Assert.Equal([.. header.Split(','), "line", "column", "reason"], rejects[0]);
        var rejected = Assert.Single(rejects.Skip(1));
        Assert.Equal("3", rejected[^3]);
        Assert.Equal(column, rejected[^2]);
        Assert.Contains(reason, rejected[^1], StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string, string, string> DuplicateRows => new()
    {
        { "customers.csv", "customer_id,name", "C3,Acme", "C3,Acme Two", "customer_id 'C3' is already on line 2 of this file" },
        { "invoices.csv", Invoices, "I1,C1,2026-01-01,2026-01-31,100,", "I1,C2,2026-01-01,2026-01-31,90,", "invoice_id 'I1' is already on line 2 of this file" },
        { "payments.csv", Payments, "P1,C1,2026-02-01,50,", "P1,C1,2026-02-02,50,", "payment_id 'P1' is already on line 2" },
        { "claims.csv", Claims, "K1,C1,2026-03-01,10,,", "K1,C1,2026-03-01,10,,", "claim_id 'K1' is already on line 2" },
        { "orders.csv", Orders, "O1,C1,2026-03-01,10,", "O1,C1,2026-03-01,10,", "order_id 'O1' is already on line 2" },
        { "interactions.csv", Interactions, "E1,C1,2026-03-01,visit,,", "E1,C1,2026-03-01,visit,,", "event_id 'E1' is already on line 2" },
        { "financials.csv", Financials, "C1,2025-12-31,1,,,,,,", "C1,2025-12-31,2,,,,,,", "the statement of customer_id 'C1' for period_end 2025-12-31 is already on line 2" },
        { "expert_scores.csv", ExpertScores, "C1,1,X1,2026-01-10,overall,4", "C1,1,X1,2026-01-11,OVERALL,3", "the score of expert_id 'X1' for customer_id 'C1', round 1, criterion overall is already on line 2" },
    };

    [Theory]
    [MemberData(nameof(DuplicateRows))]
    public async Task SecondOccurrenceOfAKey_IsRejected_NamingTheLineOfTheFirst(string file, string header,
        string first, string second, string reason)
    {
        using var folder = new ImportFolder();
        var paths = new List<string> { folder.Write("customers.csv", ImportFolder.Customers) };
        paths.Add(folder.Write(file, $"{header}\n{first}\n{second}\n"));

        var result = await folder.ImportAsync(paths.ToArray());

        var imported = result.Files.Last();
        Assert.Equal(1, imported.Rejected);
        var rejected = RejectsFile.Read(imported.RejectsPath!)[1];
        Assert.Equal("3", rejected[^3]);
        Assert.Contains(reason, rejected[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task RejectedFirstOccurrence_DoesNotBlockACorrectedSecondOne()
    {
        using var folder = new ImportFolder();
        var invoices = folder.Write("invoices.csv",
            $"{Invoices}\nI1,C1,2026-01-01,2026-01-31,\"12,50\",\nI1,C1,2026-01-01,2026-01-31,12.50,\n");

        var result = await folder.ImportAsync(folder.Write("customers.csv", ImportFolder.Customers), invoices);

        Assert.Equal(1, result.Files[1].Rejected);
        Assert.Equal(12.50m, folder.Store.Committed.Invoices["I1"].Amount);
    }

    [Fact]
    public async Task InvoiceMayNameACustomerOfTheSameImport_ButNotARejectedOne()
    {
        using var folder = new ImportFolder();
        var customers = folder.Write("customers.csv", "customer_id,name\nNEW,Newco\nBAD,\n");
        var invoices = folder.Write("invoices.csv",
            $"{Invoices}\nI1,NEW,2026-01-01,2026-01-31,10,\nI2,BAD,2026-01-01,2026-01-31,10,\n");

        var result = await folder.ImportAsync(invoices, customers);

        Assert.Equal(["NEW"], folder.Store.Committed.Customers.Keys);
        Assert.Equal(["I1"], folder.Store.Committed.Invoices.Keys);
        Assert.Contains("customer_id 'BAD' is not a known customer", RejectsFile.Read(result.Files[1].RejectsPath!)[1][^1],
            StringComparison.Ordinal);
    }
}
