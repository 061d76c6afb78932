using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace CustomerRisk.Server.BrowserTests;

/// <summary>The limits, covers and webhooks pages in a real browser, on a server of their own (these tests grant limits,
/// register covers and add webhooks): a credit manager grants a limit and sees it take effect and head the history,
/// registers a guarantee and sees what it counts; an administrator subscribes a webhook, sees its secret once, and
/// removes it; a sales user has none of these pages. Screenshots: limits.png, limits-zh.png, collateral.png,
/// webhooks.png.</summary>
public sealed partial class CreditPagesTests(RunningServer server) : BrowserSession, IClassFixture<RunningServer>
{
    [BrowserFact]
    public async Task CreditManager_GrantsALimit_AndSeesItTakeEffect_AndHeadTheHistory()
    {
        var (page, errors) = await SignedInAsync(server, "carl", "en-GB");
        var customer = await FirstCustomerAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Limits", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(server.BaseUrl + "/limits");
        await page.Locator("#limits-lookup").GetByLabel("Customer").FillAsync(customer);
        await page.Locator("#limits-lookup").GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Credit limits of {customer}" })).ToBeVisibleAsync();
        var form = page.Locator("#grant-form");
        await form.GetByLabel("Limit").FillAsync("55000");
        await form.GetByLabel("Reason").FillAsync("annual review: strong payer");
        await form.GetByRole(AriaRole.Button, new() { Name = "Grant" }).ClickAsync();

        await Assertions.Expect(page.Locator("#limit-status")).ToHaveTextAsync(
            $"Granted 55,000 to {customer}, approved by carl; the effective limit is now 55,000.");
        await Assertions.Expect(page.Locator("#limit-effective")).ToHaveTextAsync("55,000");
        await Assertions.Expect(page.Locator("#limit-source")).ToHaveTextAsync("a standing grant");
        var newest = page.Locator("#grant-table tbody tr").First;
        await Assertions.Expect(newest).ToContainTextAsync("annual review: strong payer");
        await Assertions.Expect(newest).ToContainTextAsync("carl");
        await Assertions.Expect(newest.Locator("td").Last).ToHaveTextAsync("yes");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "limits.png"), FullPage = true });
        Assert.Empty(errors);
    }

    [BrowserFact]
    public async Task ChineseBrowser_GetsTheLimitsPageInChinese()
    {
        var (page, errors) = await SignedInAsync(server, "carl", "zh-CN");
        var customer = await FirstCustomerAsync(page);

        await page.GotoAsync($"{server.BaseUrl}/limits?customer={Uri.EscapeDataString(customer)}");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "授予额度" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "信用额度", Exact = true })).ToHaveAttributeAsync("aria-current", "page");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "limits-zh.png"), FullPage = true });
        Assert.Empty(errors);
    }

    [BrowserFact]
    public async Task CreditManager_RegistersAGuarantee_AndSeesWhatItCounts()
    {
        var (page, errors) = await SignedInAsync(server, "carl", "en-GB");
        var customer = await FirstCustomerAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Covers", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(server.BaseUrl + "/collateral");
        var form = page.Locator("#cover-form");
        await form.GetByLabel("Customer").FillAsync(customer);
        await form.GetByLabel("Kind").SelectOptionAsync("guarantee");
        await form.GetByLabel("Value").FillAsync("20000");
        await form.GetByLabel("Haircut (%)").FillAsync("25");
        await form.GetByLabel("From").FillAsync("2026-01-01");
        await form.GetByLabel("What it is").FillAsync("parent company guarantee");
        await form.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();

        await Assertions.Expect(page.Locator("#cover-status")).ToHaveTextAsync(RegisteredCover());
        var row = page.Locator("#cover-table tbody tr").Filter(new() { HasText = "parent company guarantee" });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row).ToContainTextAsync(customer);
        await Assertions.Expect(row.Locator("td").Nth(6)).ToHaveTextAsync("15,000");
        await Assertions.Expect(row.Locator("td").Nth(10)).ToHaveTextAsync("active");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "collateral.png"), FullPage = true });
        Assert.Empty(errors);
    }

    [BrowserFact]
    public async Task Admin_SubscribesAWebhook_SeesTheSecretOnce_AndRemovesIt()
    {
        var (page, errors) = await SignedInAsync(server, "ada", "en-GB");

        await page.GetByRole(AriaRole.Link, new() { Name = "Webhooks", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(server.BaseUrl + "/webhooks");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "URL", Exact = true }).FillAsync("https://erp.example/credit-events");
        await page.GetByLabel("alert opened").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Subscribe" }).ClickAsync();

        var secretBox = page.Locator("#webhook-secret");
        await Assertions.Expect(secretBox).ToHaveTextAsync(HexSecret());
        var secret = (await secretBox.TextContentAsync())!;
        var row = page.Locator("#webhook-table tbody tr").Filter(new() { HasText = "https://erp.example/credit-events" });
        await Assertions.Expect(row).ToContainTextAsync("alert opened");
        await Assertions.Expect(row).ToContainTextAsync("active");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "webhooks.png"), FullPage = true });

        await page.ReloadAsync();
        await page.Locator("#webhook-table").WaitForAsync();
        Assert.DoesNotContain(secret, await page.ContentAsync(), StringComparison.Ordinal);
        await row.GetByRole(AriaRole.Button, new() { Name = "Remove" }).ClickAsync();
        await Assertions.Expect(page.Locator("#webhook-status")).ToContainTextAsync("removed: nothing more is sent to it.");
        await Assertions.Expect(row).ToContainTextAsync("removed");
        await Assertions.Expect(row.GetByRole(AriaRole.Button, new() { Name = "Remove" })).ToHaveCountAsync(0);
        Assert.Empty(errors);
    }

    [BrowserFact]
    public async Task SalesUser_HasNoLimitsCoversOrWebhooksPages()
    {
        var (page, errors) = await SignedInAsync(server, "sam", "en-GB");

        foreach (var name in new[] { "Limits", "Covers", "Webhooks" })
        {
            Assert.False(await page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).IsVisibleAsync(), name);
        }

        Assert.Empty(errors);
    }

    private async Task<string> FirstCustomerAsync(IPage page)
    {
        await page.GotoAsync(server.BaseUrl + "/customers?sort=customer_id");
        var link = page.Locator("table.data tbody tr td a").First;
        await link.WaitForAsync();
        return (await link.TextContentAsync())!.Trim();
    }

    [GeneratedRegex(@"^Cover \d+ \(guarantee\) of \S+ registered: 20,000, by carl\.$")]
    private static partial Regex RegisteredCover();

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex HexSecret();
}
