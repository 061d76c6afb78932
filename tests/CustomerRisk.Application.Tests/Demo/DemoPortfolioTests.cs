using System.Security.Cryptography;
using CustomerRisk.Application.Demo;

namespace CustomerRisk.Application.Tests.Demo;

public sealed class DemoPortfolioTests
{
    private static readonly string[] AllFiles =
    [
        "customers.csv", "invoices.csv", "payments.csv", "claims.csv", "orders.csv", "interactions.csv",
        "financials.csv", "expert_scores.csv",
    ];

    [Fact]
    public void SameSeedSizeAndDate_WriteByteIdenticalFiles()
    {
        using var first = new DemoFolder(2300, seed: 7);
        using var second = new DemoFolder(2300, seed: 7);

        foreach (var file in AllFiles)
        {
            Assert.Equal(Hash(first.Path, file), Hash(second.Path, file));
        }
    }

    [Fact]
    public void DifferentSeed_WritesDifferentFiles()
    {
        using var first = new DemoFolder(200, seed: 1);
        using var second = new DemoFolder(200, seed: 2);

        foreach (var file in new[] { "customers.csv", "invoices.csv", "payments.csv" })
        {
            Assert.NotEqual(Hash(first.Path, file), Hash(second.Path, file));
        }
    }

    [Fact]
    public async Task DifferentAsOfDate_ShiftsTheHistory()
    {
        using var folder = new DemoFolder(50);
        var later = DemoFolder.NewTempPath();
        try
        {
            await DemoPortfolio.HandleAsync(folder.Request with { OutFolder = later, AsOf = DemoFolder.AsOf.AddDays(31) }, null, CancellationToken.None);
            var lastIssue = CsvTable.Read(Path.Combine(later, "invoices.csv")).Values("issue_date").Max(StringComparer.Ordinal);
            Assert.True(string.CompareOrdinal(lastIssue, "2025-06-30") > 0, $"latest invoice {lastIssue}");
        }
        finally
        {
            Directory.Delete(later, recursive: true);
        }
    }

    /// <summary>Pins the bytes of a small portfolio: any change to the generator, its random stream or its
    /// formatting shows here, because a seed must keep giving the same portfolio across versions and machines.
    /// When the change is intended, update the hash (and say so in the commit).</summary>
    [Fact]
    public void SmallPortfolio_KeepsItsPinnedBytes()
    {
        using var folder = new DemoFolder(40, seed: 42);

        var combined = string.Join(" ", AllFiles.Select(f => Hash(folder.Path, f)[..12]));

        Assert.Equal(PinnedSmallPortfolio, combined);
    }

    private const string PinnedSmallPortfolio =
        "D3B3B60B546D 322B43BB896C 71381FBA7325 55101C495305 8BE37BFF105C 8172FD4F23AB C42FA73C1183 98B96597A42B";

    [Fact]
    public void Headers_AreExactlyTheSpecColumns()
    {
        using var folder = new DemoFolder(30);

        Assert.Equal("customer_id,name,industry,region,sales_owner,annual_revenue,credit_limit,payment_terms_days,product_focus,customer_since", FirstLine(folder, "customers.csv"));
        Assert.Equal("invoice_id,customer_id,issue_date,due_date,amount,currency", FirstLine(folder, "invoices.csv"));
        Assert.Equal("payment_id,customer_id,payment_date,amount,invoice_id", FirstLine(folder, "payments.csv"));
        Assert.Equal("claim_id,customer_id,claim_date,amount,invoice_id,reason", FirstLine(folder, "claims.csv"));
        Assert.Equal("order_id,customer_id,order_date,amount,status", FirstLine(folder, "orders.csv"));
        Assert.Equal("event_id,customer_id,date,type,amount,note", FirstLine(folder, "interactions.csv"));
        Assert.Equal("customer_id,period_end,revenue,net_income,total_assets,total_liabilities,current_assets,current_liabilities,operating_cash_flow", FirstLine(folder, "financials.csv"));
        Assert.Equal("customer_id,round,expert_id,date,criterion,score", FirstLine(folder, "expert_scores.csv"));
    }

    [Fact]
    public void Result_CountsTheDataRowsOfEveryFile()
    {
        using var folder = new DemoFolder(120);

        Assert.Equal(AllFiles, folder.Result.Files.Select(f => f.FileName));
        foreach (var file in folder.Result.Files)
        {
            var lines = File.ReadAllLines(file.Path).Length;
            Assert.Equal(lines - 1, file.Rows);
            Assert.Equal(0, file.BadRows);
        }

        Assert.Equal(120, folder.Result.RowsOf("customers.csv"));
        Assert.Throws<ArgumentException>(() => folder.Result.RowsOf("ledger.csv"));
    }

    [Fact]
    public void Files_AreUtf8WithoutByteOrderMarkAndEndEveryRowWithALineFeed()
    {
        using var folder = new DemoFolder(30);

        foreach (var file in AllFiles)
        {
            var bytes = File.ReadAllBytes(Path.Combine(folder.Path, file));
            Assert.NotEqual(0xEF, bytes[0]);
            Assert.Equal((byte)'\n', bytes[^1]);
            Assert.DoesNotContain((byte)'\r', bytes);
        }
    }

    [Fact]
    public async Task Progress_IsReportedPerThousandCustomersUpToTheTotal()
    {
        var path = DemoFolder.NewTempPath();
        var reports = new List<DemoProgress>();
        try
        {
            await DemoPortfolio.HandleAsync(
                new DemoPortfolioRequest { OutFolder = path, Customers = 2500, AsOf = DemoFolder.AsOf },
                new SynchronousProgress(reports), CancellationToken.None);
        }
        finally
        {
            Directory.Delete(path, recursive: true);
        }

        Assert.Equal([1000, 2000, 2500], reports.Select(r => r.CustomersWritten));
        Assert.All(reports, r => Assert.Equal(2500, r.CustomersTotal));
    }

    [Fact]
    public async Task Cancelled_StopsWithOperationCanceled()
    {
        var path = DemoFolder.NewTempPath();
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();
        try
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
                DemoPortfolio.HandleAsync(new DemoPortfolioRequest { OutFolder = path, Customers = 5000, AsOf = DemoFolder.AsOf }, null, cancellation.Token));
        }
        finally
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
    }

    [Theory]
    [InlineData(0, "between 1 and")]
    [InlineData(-5, "between 1 and")]
    [InlineData(10_000_001, "between 1 and")]
    public async Task TooFewOrTooManyCustomers_AreRefusedWithAReason(int customers, string reason)
    {
        var request = new DemoPortfolioRequest { OutFolder = "unused", Customers = customers, AsOf = DemoFolder.AsOf };

        Assert.Contains(DemoPortfolio.Validate(request), e => e.Contains(reason, StringComparison.Ordinal));
        var error = await Assert.ThrowsAsync<ArgumentException>(() => DemoPortfolio.HandleAsync(request, null, CancellationToken.None));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists("unused"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void MissingOutputFolder_IsRefused(string folder)
    {
        var request = new DemoPortfolioRequest { OutFolder = folder, AsOf = DemoFolder.AsOf };

        Assert.Contains("The output folder is missing.", DemoPortfolio.Validate(request));
    }

    [Fact]
    public void AsOfDateOutOfRange_IsRefused()
    {
        var request = new DemoPortfolioRequest { OutFolder = "x", AsOf = new DateOnly(1900, 1, 1) };

        Assert.Contains(DemoPortfolio.Validate(request), e => e.Contains("out of range", StringComparison.Ordinal));
    }

    [Fact]
    public void ValidRequest_HasNoErrors()
    {
        Assert.Empty(DemoPortfolio.Validate(new DemoPortfolioRequest { OutFolder = "demo", AsOf = DemoFolder.AsOf }));
    }

    [Fact]
    public async Task ExistingFiles_AreOverwrittenNotAppended()
    {
        using var folder = new DemoFolder(20);
        var before = Hash(folder.Path, "invoices.csv");

        await DemoPortfolio.HandleAsync(folder.Request, null, CancellationToken.None);

        Assert.Equal(before, Hash(folder.Path, "invoices.csv"));
    }

    private static string FirstLine(DemoFolder folder, string file) => File.ReadLines(Path.Combine(folder.Path, file)).First();

    private static string Hash(string folder, string file) =>
        Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(Path.Combine(folder, file))));

    /// <summary>Records reports as they come (Progress&lt;T&gt; would post them later).</summary>
    private sealed class SynchronousProgress(List<DemoProgress> reports) : IProgress<DemoProgress>
    {
        public void Report(DemoProgress value)
        {
            lock (reports)
            {
                reports.Add(value);
            }
        }
    }
}
