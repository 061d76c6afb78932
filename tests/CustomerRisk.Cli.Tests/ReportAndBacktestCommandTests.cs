using System.Text.Json;
using System.Xml;

namespace CustomerRisk.Cli.Tests;

/// <summary>`crisk report` and `crisk backtest` through the real command line on the embedded SQLite store.</summary>
public sealed class ReportAndBacktestCommandTests
{
    private static async Task<TempFolder> DemoStoreAsync()
    {
        var folder = new TempFolder();
        var demo = await CliProcess.RunAsync(folder.Path, "demo", "--out", "demo", "--customers", "60", "--as-of", "2025-06-30");
        Assert.True(demo.ExitCode == 0, demo.Error);
        var import = await CliProcess.RunAsync(folder.Path, "import", "demo");
        Assert.True(import.ExitCode == 0, import.Error);
        return folder;
    }

    [Fact]
    public async Task Report_WritesACustomerPageAndAPortfolioMarkdown()
    {
        using var folder = await DemoStoreAsync();

        var html = await CliProcess.RunAsync(folder.Path, "report", "--customer", "C000001", "--as-of", "2025-06-30", "--format", "html", "--out", "c1.html");
        var markdown = await CliProcess.RunAsync(folder.Path, "report", "--portfolio", "--as-of", "2025-06-30");

        Assert.True(html.ExitCode == 0, html.Error);
        var page = await File.ReadAllTextAsync(Path.Combine(folder.Path, "c1.html"));
        Assert.StartsWith("<!DOCTYPE html>", page, StringComparison.Ordinal);
        Assert.Contains("(C000001)", page, StringComparison.Ordinal);
        using (var reader = XmlReader.Create(new StringReader(page), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore }))
        {
            new XmlDocument().Load(reader);
        }

        Assert.True(markdown.ExitCode == 0, markdown.Error);
        Assert.StartsWith("# Portfolio credit risk report", markdown.Out, StringComparison.Ordinal);
        Assert.Contains("## Value–loyalty grid", markdown.Out, StringComparison.Ordinal);
        Assert.Contains("| 60 |", markdown.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("report")]
    [InlineData("report", "--customer", "C1", "--portfolio")]
    [InlineData("report", "--customer", "NOBODY")]
    [InlineData("report", "--portfolio", "--format", "pdf")]
    [InlineData("report", "--portfolio", "--as-of", "30.06.2025")]
    [InlineData("backtest")]
    [InlineData("backtest", "--policy", "missing.yaml")]
    public async Task BadUsage_ExitsWithTwoAndSaysWhy(params string[] args)
    {
        using var folder = new TempFolder();

        var result = await CliProcess.RunAsync(folder.Path, args);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("crisk:", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backtest_RefusesAZeroStep()
    {
        using var folder = new TempFolder();
        await File.WriteAllTextAsync(Path.Combine(folder.Path, "p.yaml"), CustomerRisk.Policy.PolicyLoader.DefaultPolicyText());

        var result = await CliProcess.RunAsync(folder.Path, "backtest", "--policy", "p.yaml", "--step", "0");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--step", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backtest_PrintsJsonPerDateAndInTotal()
    {
        using var folder = await DemoStoreAsync();
        await File.WriteAllTextAsync(Path.Combine(folder.Path, "p.yaml"), CustomerRisk.Policy.PolicyLoader.DefaultPolicyText().Replace("b_at_most_days: 4", "b_at_most_days: 2", StringComparison.Ordinal));

        var result = await CliProcess.RunAsync(folder.Path, "backtest", "--policy", "p.yaml", "--from", "2024-09-30", "--to", "2024-12-31", "--format", "json");
        var markdown = await CliProcess.RunAsync(folder.Path, "backtest", "--policy", "p.yaml", "--from", "2024-12-31", "--to", "2024-12-31", "--format", "md");

        Assert.True(result.ExitCode == 0, result.Error);
        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        Assert.Equal("2025-06-30", root.GetProperty("outcomes_through").GetString());
        Assert.Equal(["2024-09-30", "2024-12-31"], root.GetProperty("dates").EnumerateArray().Select(d => d.GetProperty("as_of").GetString()));
        Assert.Equal(5, root.GetProperty("total").GetProperty("baseline").GetProperty("grades").GetArrayLength());
        Assert.Equal("p.yaml", root.GetProperty("candidate_source").GetString());
        Assert.True(markdown.ExitCode == 0, markdown.Error);
        Assert.StartsWith("# Policy backtest", markdown.Out, StringComparison.Ordinal);
    }
}
