using System.Globalization;

namespace CustomerRisk.Application.Tests.Demo;

public sealed class DemoWithErrorsTests
{
    [Fact]
    public void WithoutErrors_NoRowIsBad()
    {
        using var folder = new DemoFolder(1000);

        Assert.All(folder.Result.Files, f => Assert.Equal(0, f.BadRows));
        Assert.Empty(BadInvoices(folder));
    }

    [Fact]
    public void WithErrors_AddsAboutOneBadRowPerThousandOfVariedKinds()
    {
        using var folder = new DemoFolder(1000, withErrors: true);
        var invoices = folder.Result.Files.Single(f => f.FileName == "invoices.csv");
        var payments = folder.Result.Files.Single(f => f.FileName == "payments.csv");

        Assert.InRange(invoices.BadRows / (double)invoices.Rows, 0.0004, 0.003);
        Assert.InRange(payments.BadRows / (double)payments.Rows, 0.0004, 0.003);
        var bad = BadInvoices(folder);
        Assert.Equal(invoices.BadRows, bad.Count);
        Assert.Contains(bad, r => r.Reason == "date");
        Assert.Contains(bad, r => r.Reason == "amount");
        Assert.Contains(bad, r => r.Reason == "customer");
        Assert.Contains(bad, r => r.Reason == "due before issue");
    }

    [Fact]
    public void WithErrors_KeepsEveryCleanRowExactlyAsWithout()
    {
        using var clean = new DemoFolder(600, seed: 5);
        using var withErrors = new DemoFolder(600, seed: 5, withErrors: true);

        foreach (var file in new[] { "customers.csv", "invoices.csv", "payments.csv", "claims.csv", "orders.csv" })
        {
            var cleanLines = File.ReadAllLines(Path.Combine(clean.Path, file));
            var lines = File.ReadAllLines(Path.Combine(withErrors.Path, file));
            var badCount = withErrors.Result.Files.Single(f => f.FileName == file).BadRows;

            Assert.Equal(cleanLines, lines.Where(l => !IsBadLine(l)));
            Assert.Equal(badCount, lines.Count(IsBadLine));
        }
    }

    // Bad rows carry their own keys, marked with an X after the number, so they never clash with a clean row.
    private static bool IsBadLine(string line) => line.Split(',')[0].Contains('X', StringComparison.Ordinal);

    private static List<(string Id, string Reason)> BadInvoices(DemoFolder folder)
    {
        var customers = folder.Table("customers.csv").Values("customer_id").ToHashSet(StringComparer.Ordinal);
        var result = new List<(string, string)>();
        foreach (var row in folder.Table("invoices.csv").Rows)
        {
            string? reason = null;
            if (!DateOnly.TryParseExact(row[2], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var issue)
                || !DateOnly.TryParseExact(row[3], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var due))
            {
                reason = "date";
            }
            else if (!decimal.TryParse(row[4], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount) || amount <= 0)
            {
                reason = "amount";
            }
            else if (!customers.Contains(row[1]))
            {
                reason = "customer";
            }
            else if (due < issue)
            {
                reason = "due before issue";
            }

            if (reason is not null)
            {
                result.Add((row[0], reason));
            }
        }

        return result;
    }
}
