using System.Text;
using System.Text.Json;
using CustomerRisk.Application.Reports;

namespace CustomerRisk.Cli.Tests;

/// <summary>`crisk audit list` with its filters and pages, and `crisk report --format pdf`, through the real command
/// line on SQLite.</summary>
public sealed class AuditListAndPdfReportTests
{
    [Fact]
    public async Task AuditList_FiltersByKindAndDate_AndPages()
    {
        using var folder = new TempFolder();
        await File.WriteAllTextAsync(Path.Combine(folder.Path, "customers.csv"), "customer_id,name,credit_limit,payment_terms_days\nC1,Acme,10000,30\n");
        Assert.Equal(0, (await CliProcess.RunAsync(folder.Path, "import", "customers.csv")).ExitCode);
        var check = await CliProcess.RunAsync(folder.Path, "check-order", "--customer", "C1", "--amount", "100", "--as-of", "2026-06-15");
        Assert.True(check.ExitCode == 0, check.Error);

        var all = await CliProcess.RunAsync(folder.Path, "audit", "list", "--format", "json");
        var orders = await CliProcess.RunAsync(folder.Path, "audit", "list", "--kind", "order", "--customer", "C1", "--format", "json");
        var second = await CliProcess.RunAsync(folder.Path, "audit", "list", "--limit", "1", "--page", "2", "--format", "json");
        var before = await CliProcess.RunAsync(folder.Path, "audit", "list", "--to", "2000-01-01", "--format", "json");

        Assert.Equal([3L, 2L, 1L], Seqs(all.Out));
        var order = Assert.Single(JsonDocument.Parse(orders.Out).RootElement.EnumerateArray().ToList());
        Assert.StartsWith("order.", order.GetProperty("action").GetString(), StringComparison.Ordinal);
        Assert.Equal([2L], Seqs(second.Out));
        Assert.Empty(Seqs(before.Out));
    }

    [Theory]
    [InlineData("--from", "2026-07-02", "--to", "2026-07-01")]
    [InlineData("--limit", "0")]
    [InlineData("--limit", "501")]
    [InlineData("--page", "0")]
    [InlineData("--from", "yesterday")]
    public async Task AuditList_RefusesBadFilters_WithExitCode2(params string[] args)
    {
        using var folder = new TempFolder();

        var result = await CliProcess.RunAsync(folder.Path, ["audit", "list", .. args]);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("crisk:", result.Error, StringComparison.Ordinal);
    }

    [CliChromiumFact]
    public async Task Report_AsPdf_IsAPdfNamingTheCustomer()
    {
        using var folder = new TempFolder();
        Assert.Equal(0, (await CliProcess.RunAsync(folder.Path, "demo", "--out", "demo", "--customers", "20", "--as-of", "2025-06-30")).ExitCode);
        Assert.Equal(0, (await CliProcess.RunAsync(folder.Path, "import", "demo")).ExitCode);

        var result = await CliProcess.RunAsync(folder.Path, "report", "--customer", "C000001", "--as-of", "2025-06-30", "--format", "pdf", "--out", "c1.pdf");

        Assert.True(result.ExitCode == 0, result.Error);
        var pdf = await File.ReadAllBytesAsync(Path.Combine(folder.Path, "c1.pdf"));
        Assert.Equal("%PDF-", Encoding.ASCII.GetString(pdf, 0, 5));
        // The page's title, "Credit risk report: name (id)", is the PDF's document title: a literal string, or UTF-16 in
        // hex when the name is not ASCII.
        var text = Encoding.Latin1.GetString(pdf);
        Assert.True(text.Contains("(C000001\\)", StringComparison.Ordinal)
                    || text.Contains(Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes("(C000001)")), StringComparison.OrdinalIgnoreCase));
    }

    private static long[] Seqs(string json) =>
        JsonDocument.Parse(json).RootElement.EnumerateArray().Select(r => r.GetProperty("seq").GetInt64()).ToArray();
}

/// <summary>A fact that needs Debian's Chromium to print PDF: skipped, with the reason, when it is absent.</summary>
public sealed class CliChromiumFactAttribute : FactAttribute
{
    public CliChromiumFactAttribute()
    {
        if (!new ChromiumPdfPrinter().IsAvailable)
        {
            Skip = $"{ChromiumPdfPrinter.DebianChromium} is not installed (apt-get install -y chromium): PDF printing cannot be tested.";
        }
    }
}
