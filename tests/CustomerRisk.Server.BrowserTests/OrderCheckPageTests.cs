using Microsoft.Playwright;

namespace CustomerRisk.Server.BrowserTests;

/// <summary>The order check form in a real browser, on a server of its own (a check records exposure): a credit manager
/// checks an order and sees the decision, reasons, exposure and limit, in English and then in Chinese; a sales user
/// asking for another owner's customer is told there is none.</summary>
public sealed class OrderCheckPageTests(RunningServer server) : BrowserSession, IClassFixture<RunningServer>
{
    [BrowserFact]
    public async Task CreditManager_ChecksAnOrder_AndSeesTheDecisionReasonsExposureAndLimit()
    {
        var page = await NewPageAsync("en-GB");
        var errors = CollectErrors(page);
        await SignInAsync(page, "carl");
        await page.GetByRole(AriaRole.Link, new() { Name = "Customers" }).ClickAsync();
        var customer = (await page.Locator("#customer-table tbody tr a").First.TextContentAsync())!;

        await page.GetByRole(AriaRole.Link, new() { Name = "Order check" }).ClickAsync();
        await page.WaitForURLAsync(server.BaseUrl + "/orders/check");
        await page.GetByLabel("Customer id").FillAsync(customer);
        await page.GetByLabel("Order amount").FillAsync("2500");
        await page.GetByLabel("Order date").FillAsync("2026-06-30");
        await page.GetByLabel("Order id (optional)").FillAsync("BROWSER-1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the order" }).ClickAsync();

        var decision = page.Locator("#order-decision");
        await Assertions.Expect(decision).ToBeVisibleAsync();
        Assert.Contains(await decision.GetAttributeAsync("data-decision"), new[] { "approve", "review", "block" });
        Assert.Contains(await decision.TextContentAsync(), new[] { "Approve", "Review: hold for a credit manager", "Block" });
        await Assertions.Expect(page.Locator("#order-exposure")).Not.ToBeEmptyAsync();
        await Assertions.Expect(page.Locator("#order-limit")).Not.ToBeEmptyAsync();
        Assert.True(await page.Locator("#order-result table.data tbody tr").CountAsync() > 0, "at least one reason");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "order-check.png"), FullPage = true });

        await page.Locator("#lang").SelectOptionAsync("zh");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "订单信用检查" })).ToBeVisibleAsync();
        await page.GetByLabel("客户编号").FillAsync(customer);
        await page.GetByLabel("订单金额").FillAsync("2500");
        await page.GetByLabel("订单日期").FillAsync("2026-06-30");
        await page.GetByLabel("订单号（可选）").FillAsync("BROWSER-1");
        await page.GetByRole(AriaRole.Button, new() { Name = "检查订单" }).ClickAsync();

        await Assertions.Expect(page.Locator("#order-decision")).ToBeVisibleAsync();
        Assert.Contains(await page.Locator("#order-decision").TextContentAsync(), new[] { "批准", "复核：交信用经理处理", "拒绝" });
        await Assertions.Expect(page.GetByText("含本订单的敞口")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "order-check-zh.png"), FullPage = true });
        Assert.Empty(errors);
    }

    [BrowserFact]
    public async Task SalesUser_CheckingAnotherOwnersCustomer_IsToldThereIsNone()
    {
        var page = await NewPageAsync("en-GB");
        await SignInAsync(page, "sam");

        await page.GetByRole(AriaRole.Link, new() { Name = "Order check" }).ClickAsync();
        await page.GetByLabel("Customer id").FillAsync("NOT-MINE");
        await page.GetByLabel("Order amount").FillAsync("10");
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the order" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("No customer 'NOT-MINE' you can see.");
    }

    private async Task SignInAsync(IPage page, string user)
    {
        await page.GotoAsync(server.BaseUrl + "/signin.html");
        await page.GetByLabel("User name").FillAsync(user);
        await page.GetByLabel("Password").FillAsync(RunningServer.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.EndsWith("/signin.html", StringComparison.Ordinal));
    }
}
