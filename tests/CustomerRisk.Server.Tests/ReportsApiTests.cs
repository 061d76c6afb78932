using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CustomerRisk.Application.Reports;
using CustomerRisk.Application.Users;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CustomerRisk.Server.Tests;

/// <summary>GET /api/reports/customers/{id} and /api/reports/portfolio in HTML, Markdown and PDF: escaping, the sales
/// owner scope, bad parameters, and PDF printing with and without Chromium.</summary>
public sealed partial class ReportsApiTests(ServerFixture fixture) : IClassFixture<ServerFixture>, IAsyncLifetime
{
    private const string ScriptCustomer = "XSS-1";
    private const string ScriptName = "Baltic <script>alert(1)</script> & Co";

    private HttpClient Manager => fixture.ClientFor(UserRoles.CreditManager);

    public async Task InitializeAsync()
    {
        // A customer of the sales user's owner whose name carries markup, imported through the API.
        var csv = $"customer_id,name,region,sales_owner,payment_terms_days\r\n{ScriptCustomer},\"{ScriptName}\",North,{ServerFixture.SalesOwner},30\r\n";
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "files", "customers.csv");
        using var response = await Manager.PostAsync("/api/import", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task CustomerReport_InHtml_EscapesAScriptTagInTheName()
    {
        using var response = await Manager.GetAsync($"/api/reports/customers/{ScriptCustomer}");

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Baltic &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co (XSS-1)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("As of 2026-06-30", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CustomerReport_InMarkdown_IsTheSameReportAsCriskReport()
    {
        using var response = await Manager.GetAsync($"/api/reports/customers/{ScriptCustomer}?format=md&as_of=2026-03-31");

        var md = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/markdown", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("# Credit risk report: Baltic &lt;script>alert(1)&lt;/script> & Co (XSS-1)", md, StringComparison.Ordinal);
        Assert.Contains("As of 2026-03-31", md, StringComparison.Ordinal);
        Assert.Contains("filename=\"risk-report-XSS-1-2026-03-31.md\"", response.Content.Headers.ContentDisposition?.ToString() ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task PortfolioReport_InHtmlAndMarkdown_CoversEveryCustomer()
    {
        var html = await Manager.GetStringAsync("/api/reports/portfolio");
        var md = await Manager.GetStringAsync("/api/reports/portfolio?format=md");

        Assert.Contains("<h1>Portfolio", html, StringComparison.Ordinal);
        Assert.StartsWith("# Portfolio", md, StringComparison.Ordinal);
        Assert.Contains("121", md, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SalesUser_GetsTheirOwnCustomersReport_And404ForAnyOther_AndNoPortfolioReport()
    {
        var sales = fixture.ClientFor(UserRoles.Sales);
        var other = await OtherOwnersCustomerAsync();

        using var own = await sales.GetAsync($"/api/reports/customers/{ScriptCustomer}?format=md");
        using var foreign = await sales.GetAsync($"/api/reports/customers/{other}?format=md");
        using var missing = await sales.GetAsync("/api/reports/customers/NO-SUCH?format=md");
        using var portfolio = await sales.GetAsync("/api/reports/portfolio?format=md");

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(await missing.Content.ReadAsStringAsync() is { } a ? Strip(a) : "", Strip((await foreign.Content.ReadAsStringAsync()).Replace(other, "NO-SUCH", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.Forbidden, portfolio.StatusCode);
    }

    [Theory]
    [InlineData("/api/reports/customers/XSS-1?format=docx", "format")]
    [InlineData("/api/reports/customers/XSS-1?as_of=2026-02-30", "as_of")]
    [InlineData("/api/reports/portfolio?format=PDF", "format")]
    [InlineData("/api/reports/portfolio?as_of=30.06.2026", "as_of")]
    public async Task BadFormatOrDate_Is400WithTheReason(string path, string field)
    {
        using var response = await Manager.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(json.RootElement.GetProperty("errors").TryGetProperty(field, out _));
    }

    [ChromiumFact]
    public async Task CustomerReport_AsPdf_IsAPdfNamingTheCustomer()
    {
        using var response = await Manager.GetAsync($"/api/reports/customers/{ScriptCustomer}?format=pdf");

        var pdf = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("%PDF-", Encoding.ASCII.GetString(pdf, 0, 5));
        // Chromium writes the page title ("Credit risk report: name (id)") into the PDF's document information.
        Assert.Contains("(XSS-1)", PdfTitle(pdf), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pdf_WithoutChromium_Is503SayingSo()
    {
        await using var factory = fixture.Factory.WithWebHostBuilder(b => b.UseSetting("Reports:ChromiumPath", "/nonexistent/chromium"));
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        (await client.PostAsJsonAsync("/api/auth/sign-in", new { user_name = ServerFixture.Users[UserRoles.CreditManager], password = ServerFixture.Password }))
            .EnsureSuccessStatusCode();

        using var response = await client.GetAsync($"/api/reports/customers/{ScriptCustomer}?format=pdf");

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("/nonexistent/chromium, which is not installed", body, StringComparison.Ordinal);
    }

    /// <summary>The /Title of a PDF's document information: a literal string, or UTF-16 in hex.</summary>
    public static string PdfTitle(byte[] pdf)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var literal = LiteralTitle().Match(text);
        if (literal.Success)
        {
            return literal.Groups[1].Value.Replace("\\(", "(", StringComparison.Ordinal).Replace("\\)", ")", StringComparison.Ordinal);
        }

        var hex = HexTitle().Match(text);
        return hex.Success ? Encoding.BigEndianUnicode.GetString(Convert.FromHexString(hex.Groups[1].Value)) : "";
    }

    [GeneratedRegex(@"/Title \(((?:\\.|[^\\)])*)\)")]
    private static partial Regex LiteralTitle();

    [GeneratedRegex("/Title <FEFF([0-9A-Fa-f]*)>")]
    private static partial Regex HexTitle();

    private static string Strip(string problem) => Regex.Replace(problem, "\"trace_id\":\"[^\"]*\"", "");

    private async Task<string> OtherOwnersCustomerAsync()
    {
        using var json = JsonDocument.Parse(await Manager.GetStringAsync("/api/customers?page_size=500&sort=customer_id"));
        return json.RootElement.GetProperty("items").EnumerateArray()
            .First(i => i.GetProperty("sales_owner").GetString() != ServerFixture.SalesOwner).GetProperty("customer_id").GetString()!;
    }
}

/// <summary>A fact that needs Debian's Chromium to print PDF: skipped, with the reason, when it is absent.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (!new ChromiumPdfPrinter().IsAvailable)
        {
            Skip = $"{ChromiumPdfPrinter.DebianChromium} is not installed (apt-get install -y chromium): PDF printing cannot be tested.";
        }
    }
}
