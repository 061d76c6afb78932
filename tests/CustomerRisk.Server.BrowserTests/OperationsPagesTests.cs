using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace CustomerRisk.Server.BrowserTests;

/// <summary>A credit manager's operations work in a real browser, on a server of its own (these tests change alerts,
/// reviews and promises): acknowledge an alert in the inbox and see its status change, record a review from the queue
/// and find it on the customer page, record a promise to pay in the worklist. Screenshots: alerts.png, reviews.png,
/// customer-review.png, collections.png, alerts-zh.png.</summary>
public sealed partial class OperationsPagesTests(RunningServer server) : BrowserSession, IClassFixture<RunningServer>
{
    [BrowserFact]
    public async Task CreditManager_AcknowledgesAnAlertInTheInbox_AndSeesItsStatusChange()
    {
        var (page, errors) = await SignedInAsync(server, "carl", "en-GB");

        await page.GetByRole(AriaRole.Link, new() { Name = "Alerts", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(server.BaseUrl + "/alerts");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Alerts" })).ToBeVisibleAsync();
        var row = page.Locator("#alert-table tbody tr").First;
        var id = await row.GetAttributeAsync("data-alert-id");
        Assert.False(string.IsNullOrEmpty(id));
        await Assertions.Expect(row.Locator(".status-cell")).ToHaveTextAsync("Open");
        await row.GetByLabel($"Note for alert {id}").FillAsync("calling the buyer today");
        await row.GetByRole(AriaRole.Button, new() { Name = "Acknowledge" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = $"Alert {id} acknowledged." })).ToBeVisibleAsync();
        var same = page.Locator($"#alert-table tbody tr[data-alert-id='{id}']");
        await Assertions.Expect(same.Locator(".status-cell")).ToHaveTextAsync("Acknowledged");
        await Assertions.Expect(same.Locator(".by-cell")).ToContainTextAsync("carl");
        await Assertions.Expect(same.GetByRole(AriaRole.Button, new() { Name = "Acknowledge" })).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "alerts.png"), FullPage = true });

        // The stored status, read back through the filter: the alert is among the acknowledged ones.
        await page.GetByLabel("Status").SelectOptionAsync("acknowledged");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("status=acknowledged", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator($"#alert-table tbody tr[data-alert-id='{id}'] .status-cell")).ToHaveTextAsync("Acknowledged");
        Assert.Empty(errors);
    }

    [BrowserFact]
    public async Task CreditManager_FiltersTheInboxBySeverity()
    {
        var (page, errors) = await SignedInAsync(server, "carl", "en-GB");
        await page.GotoAsync(server.BaseUrl + "/alerts?status=all");
        await page.Locator("#alert-table").WaitForAsync();
        var severity = (await page.Locator("#alert-table tbody tr td:nth-child(4)").First.TextContentAsync())!;

        await page.GetByLabel("Severity").SelectOptionAsync(severity);
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("severity=" + severity, StringComparison.Ordinal));
        await page.Locator("#alert-table").WaitForAsync();

        var shown = await page.Locator("#alert-table tbody tr td:nth-child(4)").AllTextContentsAsync();
        Assert.NotEmpty(shown);
        Assert.All(shown, s => Assert.Equal(severity, s));
        Assert.Empty(errors);
    }

    [BrowserFact]
    public async Task CreditManager_RecordsAReviewFromTheQueue_AndFindsItOnTheCustomerPage()
    {
        var (page, errors) = await SignedInAsync(server, "carl", "en-GB");

        await page.GetByRole(AriaRole.Link, new() { Name = "Reviews" }).ClickAsync();
        await page.WaitForURLAsync(server.BaseUrl + "/reviews");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Review queue" })).ToBeVisibleAsync();
        var row = page.Locator("#review-table tbody tr").First;
        var customer = (await row.GetAttributeAsync("data-customer-id"))!;
        await row.GetByRole(AriaRole.Button, new() { Name = $"Review {customer}" }).ClickAsync();
        await Assertions.Expect(page.Locator("#review-form input[name=customer]")).ToHaveValueAsync(customer);
        await page.GetByLabel("Decision").SelectOptionAsync("hold");
        await page.GetByLabel("Reason").FillAsync("waiting for the audited accounts");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the review" }).ClickAsync();

        var status = page.GetByRole(AriaRole.Status).Filter(new() { HasText = "recorded: hold orders, by carl." });
        await Assertions.Expect(status).ToBeVisibleAsync();
        Assert.Matches(RecordedReview(), await status.TextContentAsync());
        Assert.Contains(customer, await status.TextContentAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "reviews.png"), FullPage = true });

        await row.GetByRole(AriaRole.Link, new() { Name = customer }).ClickAsync();
        await page.WaitForURLAsync(server.BaseUrl + "/customers/" + customer);
        var reviews = page.Locator("section[aria-labelledby='reviews-title']");
        await Assertions.Expect(reviews.GetByRole(AriaRole.Heading, new() { Name = "Reviews" })).ToBeVisibleAsync();
        await Assertions.Expect(reviews.Locator("tbody tr").First).ToContainTextAsync("waiting for the audited accounts");
        await Assertions.Expect(reviews.Locator("tbody tr").First).ToContainTextAsync("hold orders");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "customer-review.png"), FullPage = true });
        Assert.Empty(errors);
    }

    [BrowserFact]
    public async Task CreditManager_SeesThePolicysRecommendation_PrefilledBeforeDeciding()
    {
        var (page, errors) = await SignedInAsync(server, "carl", "en-GB");

        await page.GotoAsync(server.BaseUrl + "/reviews?all=true");
        var row = page.Locator("#review-table tbody tr").Nth(1);
        var customer = (await row.GetAttributeAsync("data-customer-id"))!;
        await row.GetByRole(AriaRole.Button, new() { Name = $"Review {customer}" }).ClickAsync();

        var advice = page.Locator("#review-advice-text");
        await Assertions.Expect(advice).ToHaveTextAsync(new Regex(@"^The policy recommends .+: limit [\d,]+ \(now .+, change .+\), terms \d+ days\."));
        var chosen = await page.Locator("#review-form select[name=decision] option:checked").TextContentAsync();
        await Assertions.Expect(advice).ToContainTextAsync($"recommends {chosen}:");
        Assert.True(await page.Locator("#review-advice li").CountAsync() > 0);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "review-advice.png"), FullPage = true });
        Assert.Empty(errors);
    }

    [BrowserFact]
    public async Task CreditManager_RecordsAPromiseInTheWorklist_AndTheRowShowsIt()
    {
        var (page, errors) = await SignedInAsync(server, "carl", "en-GB");

        await page.GetByRole(AriaRole.Link, new() { Name = "Collections" }).ClickAsync();
        await page.WaitForURLAsync(server.BaseUrl + "/collections");
        var row = page.Locator("#worklist-table tbody tr").First;
        var customer = (await row.GetAttributeAsync("data-customer-id"))!;
        await row.GetByRole(AriaRole.Button, new() { Name = $"Work on {customer}" }).ClickAsync();
        await page.Locator("#promise-form input[name=amount]").FillAsync("1234");
        await page.Locator("#promise-form input[name=pay_by]").FillAsync("2026-07-15");
        await page.Locator("#promise-form input[name=promised_on]").FillAsync("2026-06-30");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the promise" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = $"recorded: {customer} pays" })).ToBeVisibleAsync();

        await page.ReloadAsync();
        var same = page.Locator($"#worklist-table tbody tr[data-customer-id='{customer}'] .promise-cell");
        await Assertions.Expect(same).ToContainTextAsync("by 2026-07-15");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "collections.png"), FullPage = true });
        Assert.Empty(errors);
    }

    [BrowserFact]
    public async Task ChineseBrowser_GetsTheChineseInbox()
    {
        var (page, errors) = await SignedInAsync(server, "carl", "zh-CN");

        await page.GetByRole(AriaRole.Link, new() { Name = "预警", Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "预警" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#alert-table tbody tr .status-cell").First).ToHaveTextAsync("未处理");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "alerts-zh.png"), FullPage = true });
        Assert.Empty(errors);
    }

    [BrowserFact]
    public async Task SalesUser_SeesOnlyTheirCustomersAlerts_WithoutDecisionButtons_AndNoReviewOrCollectionPages()
    {
        var (page, errors) = await SignedInAsync(server, "sam", "en-GB");

        await page.GetByRole(AriaRole.Link, new() { Name = "Alerts", Exact = true }).ClickAsync();
        await page.Locator("#alert-table").WaitForAsync();

        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Acknowledge" }).CountAsync());
        Assert.False(await page.GetByRole(AriaRole.Link, new() { Name = "Reviews" }).IsVisibleAsync());
        Assert.False(await page.GetByRole(AriaRole.Link, new() { Name = "Collections" }).IsVisibleAsync());
        Assert.Empty(errors);
    }

    [GeneratedRegex(@"^Review \d+ of \S+ recorded: hold orders, by carl\.")]
    private static partial Regex RecordedReview();
}
