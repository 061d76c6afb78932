using Microsoft.Playwright;

namespace CustomerRisk.Server.BrowserTests;

/// <summary>A credit manager's day in a real browser: sign in, see the portfolio charts, find a customer, open the
/// customer 360. Screenshots are kept under the test output folder (screenshots/).</summary>
public sealed class DashboardTests(RunningServer server) : BrowserSession, IClassFixture<RunningServer>
{
    [BrowserFact]
    public async Task CreditManager_SignsIn_SeesThePortfolioCharts_AndOpensACustomer()
    {
        var page = await NewPageAsync("en-GB");
        var errors = CollectErrors(page);

        await page.GotoAsync(server.BaseUrl + "/");
        Assert.EndsWith("/signin.html", page.Url, StringComparison.Ordinal);
        await page.GetByLabel("User name").FillAsync("carl");
        await page.GetByLabel("Password").FillAsync(RunningServer.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await page.WaitForURLAsync(server.BaseUrl + "/");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Portfolio as of 2026-06-30" })).ToBeVisibleAsync();
        foreach (var chart in new[] { "chart-grades", "chart-aging", "chart-concentration", "chart-el" })
        {
            await Assertions.Expect(page.Locator($"#{chart}[data-rendered='true'] canvas")).ToHaveCountAsync(1);
        }

        Assert.Equal("80", await page.Locator(".kpi dd").First.TextContentAsync());
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "portfolio.png"), FullPage = true });

        await page.GetByRole(AriaRole.Link, new() { Name = "Customers" }).ClickAsync();
        await Assertions.Expect(page.GetByText("80 customers")).ToBeVisibleAsync();
        await page.GetByLabel("Grade").SelectOptionAsync("C");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("grade=C", StringComparison.Ordinal));
        await page.Locator("#customer-table").WaitForAsync();
        var grades = await page.Locator("#customer-table tbody td:nth-child(3)").AllTextContentsAsync();
        Assert.NotEmpty(grades);
        Assert.All(grades, g => Assert.Equal("C", g));
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "customers.png"), FullPage = true });

        var first = page.Locator("#customer-table tbody tr a").First;
        var id = await first.TextContentAsync();
        await first.ClickAsync();
        await page.WaitForURLAsync(server.BaseUrl + "/customers/" + id);
        await Assertions.Expect(page.GetByText(id!, new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".big-grade .grade")).ToHaveTextAsync("C");
        await Assertions.Expect(page.Locator("#chart-customer-aging[data-rendered='true'] canvas")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#chart-trend[data-rendered='true'] canvas")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Alerts" })).ToBeVisibleAsync();
        Assert.True(await page.Locator(".reasons li").CountAsync() > 0);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "customer.png"), FullPage = true });

        Assert.Empty(errors);
    }

    [BrowserFact]
    public async Task ChineseBrowser_GetsTheChineseDashboard_AndTheSwitchGoesBackToEnglish()
    {
        var page = await NewPageAsync("zh-CN");

        await page.GotoAsync(server.BaseUrl + "/signin.html");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "登录" })).ToBeVisibleAsync();
        await page.GetByLabel("用户名").FillAsync("carl");
        await page.GetByLabel("密码").FillAsync(RunningServer.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "组合概览（截至 2026-06-30）" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#chart-grades[data-rendered='true'] canvas")).ToHaveCountAsync(1);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "portfolio-zh.png"), FullPage = true });

        await page.Locator("#lang").SelectOptionAsync("en");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Portfolio as of 2026-06-30" })).ToBeVisibleAsync();
    }

    [BrowserFact]
    public async Task SalesUser_SeesOnlyTheirCustomers_AndNoPortfolio()
    {
        var page = await NewPageAsync("en-GB");

        await page.GotoAsync(server.BaseUrl + "/signin.html");
        await page.GetByLabel("User name").FillAsync("sam");
        await page.GetByLabel("Password").FillAsync(RunningServer.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Customers" })).ToBeVisibleAsync();
        var owners = await page.Locator("#customer-table tbody td:nth-child(11)").AllTextContentsAsync();
        Assert.NotEmpty(owners);
        Assert.All(owners, o => Assert.Equal("anna.berg", o));
        Assert.False(await page.GetByRole(AriaRole.Link, new() { Name = "Portfolio" }).IsVisibleAsync());
    }

    [BrowserFact]
    public async Task WrongPassword_ShowsTheReason_AndStaysOnSignIn()
    {
        var page = await NewPageAsync("en-GB");

        await page.GotoAsync(server.BaseUrl + "/signin.html");
        await page.GetByLabel("User name").FillAsync("carl");
        await page.GetByLabel("Password").FillAsync("not my password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Wrong user name or password.");
        Assert.EndsWith("/signin.html", page.Url, StringComparison.Ordinal);
    }
}
