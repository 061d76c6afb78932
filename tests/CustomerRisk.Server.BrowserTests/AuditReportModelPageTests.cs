using Microsoft.Playwright;

namespace CustomerRisk.Server.BrowserTests;

/// <summary>The audit page, a customer's risk report opened from the customer 360, and the model page, in a real
/// browser. Screenshots: audit.png, report.png, models.png, models-zh.png.</summary>
public sealed class AuditReportModelPageTests(RunningServer server) : BrowserSession, IClassFixture<RunningServer>
{
    [BrowserFact]
    public async Task CreditManager_OpensTheAuditPage_AndSeesTheChainVerified()
    {
        var page = await SignedInAsync("en-GB");

        await page.GetByRole(AriaRole.Link, new() { Name = "Audit" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Audit trail" })).ToBeVisibleAsync();
        // The three samples, and whatever the server's own start-up decisions and the tests' sign-ins added (those are
        // audited too); the page shows 50 a page.
        var verified = page.Locator("#audit-verify[data-intact='true']");
        await Assertions.Expect(verified).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^Verified: the chain is intact \(\d+ records\)\.$"));
        var records = int.Parse(System.Text.RegularExpressions.Regex.Match(await verified.TextContentAsync() ?? "", @"\d+").Value,
            System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(records >= 3, $"{records} audit records, the samples alone are 3");
        await Assertions.Expect(page.Locator("#audit-table tbody tr")).ToHaveCountAsync(Math.Min(records, 50));
        await page.GetByLabel("Action").FillAsync("limit");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("kind=limit", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("#audit-table tbody tr")).Not.ToHaveCountAsync(Math.Min(records, 50));
        var actions = await page.Locator("#audit-table tbody tr td:nth-child(4)").AllTextContentsAsync();
        Assert.True(actions.Count >= 2, $"{actions.Count} limit records, the samples alone are 2");
        Assert.All(actions, a => Assert.StartsWith("limit.", a, StringComparison.Ordinal));
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "audit.png"), FullPage = true });
    }

    [BrowserFact]
    public async Task CreditManager_OpensACustomersRiskReport_FromTheCustomer360()
    {
        var page = await SignedInAsync("en-GB");
        await page.GetByRole(AriaRole.Link, new() { Name = "Customers" }).ClickAsync();
        var first = page.Locator("#customer-table tbody tr a").First;
        var id = await first.TextContentAsync();
        await first.ClickAsync();
        await page.WaitForURLAsync(server.BaseUrl + "/customers/" + id);

        await page.GetByRole(AriaRole.Link, new() { Name = "Risk report" }).ClickAsync();

        await page.WaitForURLAsync(server.BaseUrl + "/api/reports/customers/" + id);
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync($"({id})");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Credit risk report:");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Conclusion", Exact = true })).ToBeVisibleAsync();
        Assert.Equal(0, await page.Locator("script").CountAsync());
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "report.png"), FullPage = true });
    }

    [BrowserFact]
    public async Task CreditManager_OpensTheModelPage_AndSeesTheRocCalibrationAndPsiCharts()
    {
        var page = await SignedInAsync("en-GB");

        await page.GetByRole(AriaRole.Link, new() { Name = "Models" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "ROC curve (validation)" })).ToBeVisibleAsync();
        foreach (var chart in new[] { "chart-roc", "chart-calibration", "chart-psi" })
        {
            await Assertions.Expect(page.Locator($"#{chart}[data-rendered='true'] canvas")).ToHaveCountAsync(1);
        }

        await Assertions.Expect(page.Locator("#model-table tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#model-table tbody tr td").Nth(4)).ToHaveTextAsync("active");
        await Assertions.Expect(page.Locator("#psi-value")).ToContainTextAsync("PSI ");
        await Assertions.Expect(page.Locator("#psi-value")).ToContainTextAsync("(80 customers)");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "models.png"), FullPage = true });
    }

    [BrowserFact]
    public async Task ChineseBrowser_GetsTheModelPageInChinese()
    {
        var page = await SignedInAsync("zh-CN");

        await page.GotoAsync(server.BaseUrl + "/models");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "ROC 曲线（验证集）" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "分十组校准（验证集）" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#chart-roc[data-rendered='true'] canvas")).ToHaveCountAsync(1);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "models-zh.png"), FullPage = true });
    }

    private async Task<IPage> SignedInAsync(string locale)
    {
        var page = await NewPageAsync(locale);
        var zh = locale.StartsWith("zh", StringComparison.Ordinal);
        await page.GotoAsync(server.BaseUrl + "/signin.html");
        await page.GetByLabel(zh ? "用户名" : "User name").FillAsync("carl");
        await page.GetByLabel(zh ? "密码" : "Password").FillAsync(RunningServer.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = zh ? "登录" : "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(server.BaseUrl + "/");
        return page;
    }
}
