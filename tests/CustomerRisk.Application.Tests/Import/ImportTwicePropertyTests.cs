using System.Globalization;
using System.Text;
using CustomerRisk.Application.Import;
using FsCheck;
using FsCheck.Fluent;

namespace CustomerRisk.Application.Tests.Import;

/// <summary>Importing the same files twice leaves the store as importing them once (rows are upserted by key), and
/// the second import finds every row unchanged.</summary>
public sealed class ImportTwicePropertyTests
{
    private sealed record InvoiceRow(int Customer, int Number, int IssueOffset, int Terms, int Cents);

    [Fact]
    public void ImportingTwice_EqualsImportingOnce()
    {
        var customerCount = Gen.Choose(1, 8);
        var invoice = Gen.Choose(0, 9).SelectMany(c => Gen.Choose(0, 40), (c, n) => (c, n))
            .SelectMany(x => Gen.Choose(0, 800), (x, issue) => (x.c, x.n, issue))
            .SelectMany(x => Gen.Choose(0, 120), (x, terms) => (x.c, x.n, x.issue, terms))
            .SelectMany(x => Gen.Choose(-5, 2_000_000), (x, cents) => new InvoiceRow(x.c, x.n, x.issue, x.terms, cents));
        var data = customerCount.SelectMany(_ => Gen.ListOf(invoice), (count, rows) => (count, rows: rows.ToArray()));

        Prop.ForAll(Arb.From(data), d =>
        {
            using var folder = new ImportFolder();
            var customers = new StringBuilder("customer_id,name,credit_limit\n");
            for (var c = 0; c < d.count; c++)
            {
                customers.Append(CultureInfo.InvariantCulture, $"C{c},Customer {c},{c * 1000}.5\n");
            }

            var invoices = new StringBuilder("invoice_id,customer_id,issue_date,due_date,amount\n");
            foreach (var row in d.rows)
            {
                var issued = new DateOnly(2024, 1, 1).AddDays(row.IssueOffset);
                var amount = (row.Cents / 100m).ToString(CultureInfo.InvariantCulture);

                // Rows naming customers beyond the count, duplicate numbers and non-positive amounts are rejected:
                // the property holds for the rows imported and for those rejected.
                invoices.Append(CultureInfo.InvariantCulture,
                    $"I{row.Number},C{row.Customer},{issued:yyyy-MM-dd},{issued.AddDays(row.Terms):yyyy-MM-dd},{amount}\n");
            }

            var paths = new[] { folder.Write("customers.csv", customers.ToString()), folder.Write("invoices.csv", invoices.ToString()) };
            var first = folder.ImportAsync(paths).GetAwaiter().GetResult();
            var once = folder.Store.Committed.Copy();
            var second = folder.ImportAsync(paths).GetAwaiter().GetResult();

            return folder.Store.Committed.SameAs(once)
                && second.Files.All(f => f.Accepted.Inserted == 0 && f.Accepted.Updated == 0)
                && second.Accepted == first.Accepted
                && second.Rejected == first.Rejected
                && once.Invoices.Count == first.Files[1].Accepted.Inserted;
        }).QuickCheckThrowOnFailure();
    }
}
