using Microsoft.Playwright;

namespace CustomerRisk.Server.BrowserTests;

/// <summary>The import page in a real browser, on a server of its own (an import changes the portfolio the other
/// browser tests count).</summary>
public sealed class ImportPageTests(RunningServer server) : BrowserSession, IClassFixture<RunningServer>
{
    [BrowserFact]
    public async Task CreditManager_ImportsAFile_AndSeesTheCountsAndTheRejectedRow()
    {
        var page = await NewPageAsync("en-GB");
        await page.GotoAsync(server.BaseUrl + "/signin.html");
        await page.GetByLabel("User name").FillAsync("carl");
        await page.GetByLabel("Password").FillAsync(RunningServer.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(server.BaseUrl + "/");

        await page.GetByRole(AriaRole.Link, new() { Name = "Import" }).ClickAsync();
        await page.GetByLabel("Files").SetInputFilesAsync(new FilePayload
        {
            Name = "customers.csv",
            MimeType = "text/csv",
            Buffer = System.Text.Encoding.UTF8.GetBytes(
                "customer_id,name,region,sales_owner,payment_terms_days\r\nBR-1,Browser Import Ltd,North,zoe,30\r\nBR-2,Bad Terms Ltd,North,zoe,thirty\r\n"),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();

        await Assertions.Expect(page.GetByText("Imported.")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("table.data").First.Locator("tbody tr td").Nth(3)).ToHaveTextAsync("1");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Rejected rows of customers.csv" })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "import.png"), FullPage = true });
    }
}
