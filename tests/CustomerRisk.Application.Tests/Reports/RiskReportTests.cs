using System.Xml;
using CustomerRisk.Application.Reports;
using CustomerRisk.Policy;

namespace CustomerRisk.Application.Tests.Reports;

/// <summary>The risk reports of the hand-made ledger (<see cref="ReportLedger"/>) built through the real assessment
/// on a SQLite store: the figures worked out by hand, the Markdown exactly as its golden file, the HTML well-formed,
/// self-contained and escaped.</summary>
public sealed class RiskReportTests
{
    private static async Task<RiskReportResult> ReportAsync(string? customerId)
    {
        await using var ledger = await ReportLedger.CreateAsync();
        return await BuildRiskReport.HandleAsync(new RiskReportRequest(ReportLedger.AsOf, customerId), ledger.Store,
            CreditPolicy.Default, LedgerStore.Clock, null, CancellationToken.None);
    }

    [Fact]
    public async Task CustomerReport_HasTheHandWorkedFigures()
    {
        var report = (await ReportAsync("C1")).Customer!;

        var c = report.Conclusions;
        Assert.Equal("A", c.Grade);
        Assert.Equal(["collection A", "timeliness B", "focus A"], report.Method.Components.Select(x => $"{x.Component} {x.Letter}"));
        Assert.Equal(15_000m, c.RecommendedLimit);
        Assert.Equal(20_000m, c.GrantedLimit);
        Assert.Equal(60, c.TermsDays);
        Assert.Equal(4_000m, report.Aging.Current);
        Assert.Equal(48_000m, report.Indicators.Single(f => f.Code == "sales_12m").Value);
        Assert.Equal(0.48m, report.Indicators.Single(f => f.Code == "revenue_share").Value);
        Assert.Contains(report.Alerts, a => a.Rule == "concentration" && a.Value == 0.48m && a.Threshold == 0.20m);
        Assert.Contains(c.Recommendations, r => r.Contains("lower it", StringComparison.Ordinal));
        Assert.Equal("high_value", report.Classification.Class);
        Assert.Equal("high_value_loyal", report.Classification.GridCell);
        Assert.Equal(48_000m / 99_500m, report.Classification.ContributionShare!.Value, 6);
        Assert.Single(report.RiskMatrix.Cells, x => x.Marked);
    }

    [Fact]
    public async Task VetoedCustomer_ShowsTheVetoTheAgingAndTheDunningStep()
    {
        var report = (await ReportAsync("C2")).Customer!;

        var c = report.Conclusions;
        Assert.Equal("D", c.Grade);
        Assert.True(c.Vetoed);
        Assert.Equal(0.35m, report.Indicators.Single(f => f.Code == "net_collection_rate").Value);
        Assert.True(report.Indicators.Single(f => f.Code == "net_collection_rate").Flagged);
        // The open March invoice, 91 days past due, is the worst lateness (an open invoice is as late as it is past due).
        Assert.Equal(91m, report.Indicators.Single(f => f.Code == "max_days_late").Value);
        Assert.Equal(["collection D", "timeliness D", "focus C"], report.Method.Components.Select(x => $"{x.Component} {x.Letter}"));
        Assert.Equal((2_000m, 2_000m, 2_000m, 0m, 2_000m, 0m), (report.Aging.Current, report.Aging.D1To30, report.Aging.D31To60, report.Aging.D61To90, report.Aging.D91To180, report.Aging.D181Plus));
        Assert.Equal("L4", c.DunningLevel);
        Assert.Equal(91, c.OldestDaysPastDue);
        Assert.Equal(0m, c.RecommendedLimit);
        Assert.Contains(report.Alerts, a => a.Rule == "broken_promises" && a.Value == 2m && a.Threshold == 2m);
        Assert.Contains(report.Alerts, a => a.Rule == "invoice_over_30_dpd" && a.Value == 91m);
        Assert.Equal(11_500m, report.Classification.NetSales12m);
        Assert.Equal(500m, report.Classification.Claims12m);
        Assert.Equal("high_risk", report.Classification.Class);
        Assert.False(report.Classification.Loyal);   // 15 months as a customer, focus equal
        Assert.StartsWith("Grant no credit", c.Recommendations[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task PortfolioReport_CountsGradesAgingAndTheGrid()
    {
        var report = (await ReportAsync(null)).Portfolio;

        Assert.Equal(3, report.Customers);
        Assert.Equal([1, 1, 0, 1, 0], report.Grades.Select(g => g.Customers));
        Assert.Equal(4_000m + 8_000m, report.OpenAr);
        Assert.Equal(100_000m, report.Sales12m);
        Assert.Equal(0.48m * 0.48m + 0.12m * 0.12m + 0.40m * 0.40m, report.Hhi);
        Assert.Equal(1m, report.Top5Share);
        Assert.Equal(["C1", "C3", "C2"], report.LargestCustomers.Select(r => r.CustomerId));
        Assert.Equal(6, report.Grid.Count);
        Assert.Equal(3, report.Grid.Sum(c => c.Customers));
        Assert.Equal(report.OpenAr, report.Grid.Sum(c => c.OpenAr));
        Assert.Equal(3, report.RiskMatrix.Cells.Sum(c => c.Customers));
        Assert.Equal(report.Exposure, report.RiskMatrix.Cells.Sum(c => c.Exposure));
        Assert.Equal("C2", report.TopRisks[0].CustomerId);
    }

    [Fact]
    public async Task CustomerMarkdown_IsExactlyTheGoldenFile()
    {
        var report = (await ReportAsync("C2")).Customer!;

        Golden.AssertMatches("customer-C2.md", MarkdownReportWriter.Write(report), report.PolicyVersion);
    }

    [Fact]
    public async Task PortfolioMarkdown_IsExactlyTheGoldenFile()
    {
        var report = (await ReportAsync(null)).Portfolio;

        Golden.AssertMatches("portfolio.md", MarkdownReportWriter.Write(report), report.PolicyVersion);
    }

    [Fact]
    public async Task CustomerHtml_IsWellFormedSelfContainedAndHasTheValues()
    {
        var report = (await ReportAsync("C1")).Customer!;

        var html = HtmlReportWriter.Write(report);

        var document = Parse(html);
        Assert.Equal("html", document.DocumentElement!.Name);
        AssertSelfContained(html);
        Assert.Contains("Credit risk report: Nordic Tools AB (C1)", html, StringComparison.Ordinal);
        Assert.Contains(">Grade A<", html, StringComparison.Ordinal);
        Assert.Contains("15,000.00", html, StringComparison.Ordinal);
        Assert.Contains("48,000.00", html, StringComparison.Ordinal);
        Assert.Single(document.SelectNodes("//td[contains(@class,'marked')]")!.Cast<XmlNode>());
        Assert.Equal(9, document.SelectNodes("//table[@class='matrix']//td")!.Count);
    }

    [Fact]
    public async Task PortfolioHtml_IsWellFormedAndSelfContained()
    {
        var report = (await ReportAsync(null)).Portfolio;

        var html = HtmlReportWriter.Write(report);

        Parse(html);
        AssertSelfContained(html);
        Assert.Contains("Portfolio credit risk report", html, StringComparison.Ordinal);
        Assert.Contains("12,000.00", html, StringComparison.Ordinal);   // open AR
        Assert.Contains("key partner: keep and grow", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScriptInACustomerName_IsEscapedInHtmlAndMarkdown()
    {
        var result = await ReportAsync("C2");
        var customer = result.Customer!;

        var pages = new[] { HtmlReportWriter.Write(customer), HtmlReportWriter.Write(result.Portfolio) };
        foreach (var html in pages)
        {
            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("Baltic Metals &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co", html, StringComparison.Ordinal);
            Parse(html);
        }

        foreach (var markdown in new[] { MarkdownReportWriter.Write(customer), MarkdownReportWriter.Write(result.Portfolio) })
        {
            Assert.DoesNotContain("<script", markdown, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("Baltic Metals &lt;script>alert(1)&lt;/script> & Co", markdown, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("A | B", "A \\| B")]
    [InlineData("*bold* [link](x)", "\\*bold\\* \\[link\\](x)")]
    [InlineData("snake_case_id", "snake_case_id")]
    [InlineData("_under_", "\\_under\\_")]
    [InlineData("# heading", "# heading")]
    [InlineData("1. first", "1. first")]
    [InlineData("a\nb", "a b")]
    [InlineData("&lt; & <b>", "&amp;lt; & &lt;b>")]
    public void Markdown_EscapesWhatWouldBecomeMarkup(string text, string expected) =>
        Assert.Equal(expected, MarkdownReportWriter.Md(text));

    [Theory]
    [InlineData("# heading", "\\# heading")]
    [InlineData("1. first", "1\\. first")]
    [InlineData("12) first", "12\\) first")]
    [InlineData("> quote", "\\> quote")]
    [InlineData("- item", "\\- item")]
    [InlineData("2025.1 is a version", "2025\\.1 is a version")]
    [InlineData("plain text", "plain text")]
    public void MarkdownBlock_EscapesWhatWouldStartABlock(string text, string expected) =>
        Assert.Equal(expected, MarkdownReportWriter.MdBlock(text));

    [Fact]
    public void Html_EscapesTheFiveSpecialCharacters() =>
        Assert.Equal("&lt;a href=&quot;x&quot;&gt;O&#39;Neil &amp; Co&lt;/a&gt;", HtmlReportWriter.H("<a href=\"x\">O'Neil & Co</a>"));

    [Fact]
    public async Task UnknownCustomer_IsAClearError()
    {
        var error = await Assert.ThrowsAsync<KeyNotFoundException>(() => ReportAsync("NOPE"));

        Assert.Contains("NOPE", error.Message, StringComparison.Ordinal);
    }

    private static XmlDocument Parse(string html)
    {
        var document = new XmlDocument();
        using var reader = XmlReader.Create(new StringReader(html), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
        document.Load(reader);
        return document;
    }

    private static void AssertSelfContained(string html)
    {
        Assert.Contains("<style>", html, StringComparison.Ordinal);
        foreach (var forbidden in new[] { "<script", "<link", "<img", "<iframe", "src=", "href=", "url(", "@import", "http:", "https:" })
        {
            Assert.DoesNotContain(forbidden, html, StringComparison.OrdinalIgnoreCase);
        }
    }
}
