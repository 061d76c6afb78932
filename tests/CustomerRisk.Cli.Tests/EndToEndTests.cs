using System.Diagnostics;
using System.Text.Json;

namespace CustomerRisk.Cli.Tests;

/// <summary>The README's main job through the real command line on the embedded SQLite store.</summary>
public sealed class EndToEndTests
{
    private static readonly string[] SpecKeys =
    [
        "customer_id", "as_of", "grade", "grade_components", "vetoed", "credit_score", "pd", "open_ar", "overdue_ar",
        "unapplied_credit", "aging", "sales_12m", "ar_turnover", "dso", "net_collection_rate", "max_days_late",
        "avg_days_late", "payment_delay_rate", "on_time_rate", "frequency_change", "amount_change",
        "days_since_last_invoice", "typical_interval", "dormant", "complaints_90d", "disputes_90d",
        "broken_promises_180d", "claim_rate_12m", "revenue_share", "exposure", "credit_limit", "recommended_limit",
        "utilisation", "dunning_level", "next_review", "expected_loss", "alerts",
    ];

    [Fact]
    public async Task DemoImportAssess_GivesEveryCustomerAGradeWithTheSpecKeys()
    {
        using var folder = new TempFolder();
        var demo = await CliProcess.RunAsync(folder.Path, "demo", "--out", "demo", "--customers", "200", "--as-of", "2026-06-30");
        Assert.True(demo.ExitCode == 0, demo.Error);
        var import = await CliProcess.RunAsync(folder.Path, "import", "demo");
        Assert.True(import.ExitCode == 0, import.Error);
        Assert.Contains("rejected 0", import.Out, StringComparison.Ordinal);

        var assess = await CliProcess.RunAsync(folder.Path, "assess", "--as-of", "2026-06-30", "--format", "json");

        Assert.True(assess.ExitCode == 0, assess.Error);
        using var json = JsonDocument.Parse(assess.Out);
        var customers = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(200, customers.Count);
        foreach (var key in SpecKeys)
        {
            Assert.True(customers[0].TryGetProperty(key, out _), $"missing key {key}");
        }

        var grades = customers.Select(c => c.GetProperty("grade").GetString()).ToHashSet();
        Assert.Subset(new HashSet<string?> { "A", "B", "C", "D", "N" }, grades);
        Assert.True(grades.Count >= 3, "a realistic portfolio has at least three different grades: " + string.Join(",", grades));
        foreach (var customer in customers)
        {
            var aging = customer.GetProperty("aging");
            var sum = aging.EnumerateObject().Sum(p => p.Value.GetDecimal());
            Assert.InRange(Math.Abs(sum - customer.GetProperty("open_ar").GetDecimal()), 0m, 0.06m);
        }
    }

    [Fact]
    public async Task Portfolio_PrintsTheSpecObject()
    {
        using var folder = new TempFolder();
        Assert.Equal(0, (await CliProcess.RunAsync(folder.Path, "demo", "--out", "demo", "--customers", "50", "--as-of", "2026-06-30")).ExitCode);
        Assert.Equal(0, (await CliProcess.RunAsync(folder.Path, "import", "demo")).ExitCode);

        var portfolio = await CliProcess.RunAsync(folder.Path, "portfolio", "--as-of", "2026-06-30", "--format", "json");

        Assert.True(portfolio.ExitCode == 0, portfolio.Error);
        using var json = JsonDocument.Parse(portfolio.Out);
        var root = json.RootElement;
        Assert.Equal(50, root.GetProperty("customers").GetInt32());
        var counts = root.GetProperty("grade_counts");
        Assert.Equal(50, counts.EnumerateObject().Sum(p => p.Value.GetInt32()));
        foreach (var key in new[] { "as_of", "open_ar", "overdue_ar", "aging", "sales_12m", "dso", "hhi", "top5_share", "top10_share", "churn_rate", "expected_loss" })
        {
            Assert.True(root.TryGetProperty(key, out _), $"missing key {key}");
        }
    }

    [Fact]
    public async Task Import_OfAnUnreadableFile_ExitsWith2AndWritesNothing()
    {
        using var folder = new TempFolder();
        await File.WriteAllTextAsync(Path.Combine(folder.Path, "invoices.csv"), "invoice_id,customer_id\nX,Y\n");

        var import = await CliProcess.RunAsync(folder.Path, "import", "invoices.csv");

        Assert.Equal(2, import.ExitCode);
        Assert.Contains("due_date", import.Error, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("   at ", import.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadUsage_ExitsWith2()
    {
        using var folder = new TempFolder();

        var result = await CliProcess.RunAsync(folder.Path, "assess", "--as-of", "yesterday");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("yyyy-MM-dd", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KillingAnImportMidway_LeavesTheStoreAsItWas()
    {
        using var folder = new TempFolder();
        Assert.Equal(0, (await CliProcess.RunAsync(folder.Path, "demo", "--out", "small", "--customers", "20", "--as-of", "2026-06-30")).ExitCode);
        Assert.Equal(0, (await CliProcess.RunAsync(folder.Path, "import", "small")).ExitCode);
        var before = (await CliProcess.RunAsync(folder.Path, "portfolio", "--as-of", "2026-06-30", "--format", "json")).Out;
        Assert.Equal(0, (await CliProcess.RunAsync(folder.Path, "demo", "--out", "big", "--customers", "3000", "--seed", "7", "--as-of", "2026-06-30")).ExitCode);

        using (var process = Process.Start(CliProcess.StartInfo(folder.Path, "import", "big"))!)
        {
            // Its output is drained as it comes, so that a full pipe never stalls it, and shown if it ends too soon.
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            // Kill once the import is writing. `crisk import` has the file to itself here, so it writes with a rollback
            // journal: the journal exists from the first row written until the commit, and the file grows as the
            // page cache spills into it. (With the write-ahead log, as when another connection has the file open,
            // the log grows instead.) A kill after that finds the journal hot, and the next command rolls it back.
            var store = Path.Combine(folder.Path, "customer-risk.db");
            var sizeBefore = new FileInfo(store).Length;
            bool Writing() =>
                (File.Exists(store + "-journal") && new FileInfo(store).Length > sizeBefore + 1_000_000)
                || (File.Exists(store + "-wal") && new FileInfo(store + "-wal").Length > 1_000_000);
            // The file grows only while the commit writes the pages out (a few hundred ms on an idle machine): watched
            // from a thread of its own, every 2 ms, so that a thread pool busy with the other tests cannot make it
            // miss that moment; it kills the process as soon as it sees it.
            var killed = await Task.Factory.StartNew(() =>
            {
                var watch = Stopwatch.StartNew();
                while (!process.HasExited && watch.Elapsed < TimeSpan.FromSeconds(60))
                {
                    if (Writing())
                    {
                        process.Kill(entireProcessTree: true);
                        return true;
                    }

                    Thread.Sleep(2);
                }

                return false;
            }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            await process.WaitForExitAsync();
            Assert.True(killed, $"the import finished (exit code {process.ExitCode}) before it could be killed; make the portfolio bigger. " +
                                $"Its output: {await output} {await error}");
        }

        var after = await CliProcess.RunAsync(folder.Path, "portfolio", "--as-of", "2026-06-30", "--format", "json");
        Assert.True(after.ExitCode == 0, after.Error);
        Assert.Equal(before, after.Out);
    }
}
