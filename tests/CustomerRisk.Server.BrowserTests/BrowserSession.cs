using Microsoft.Playwright;

namespace CustomerRisk.Server.BrowserTests;

/// <summary>Debian's Chromium driven by Playwright for one test class: launched before its tests (when installed),
/// closed after them. Screenshots go to screenshots/ under the test output folder.</summary>
public abstract class BrowserSession : IAsyncLifetime
{
    /// <summary>Where the tests keep their screenshots.</summary>
    protected static readonly string Screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots");

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        if (!Chromium.IsInstalled)
        {
            return;
        }

        Directory.CreateDirectory(Screenshots);
        Assertions.SetDefaultExpectTimeout(30_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium.Path,
            Headless = true,
            Args = ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"],
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }

    /// <summary>A page in a fresh context (no cookies) with the browser language set to <paramref name="locale"/>.</summary>
    protected async Task<IPage> NewPageAsync(string locale)
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = locale,
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        return await context.NewPageAsync();
    }

    /// <summary>A fresh page in <paramref name="locale"/>, collecting its errors (<see cref="CollectErrors"/>), signed in
    /// through the sign-in form as <paramref name="user"/> with the test password, on the dashboard once the user's
    /// name shows.</summary>
    protected async Task<(IPage Page, List<string> Errors)> SignedInAsync(RunningServer server, string user, string locale,
        string password = RunningServer.Password)
    {
        ArgumentNullException.ThrowIfNull(server);
        var page = await NewPageAsync(locale);
        var errors = CollectErrors(page);
        await page.GotoAsync(server.BaseUrl + "/signin.html");
        await page.Locator("input[name=user_name], #user_name").First.FillAsync(user);
        await page.Locator("input[type=password]").FillAsync(password);
        await page.Locator("form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => !url.EndsWith("/signin.html", StringComparison.Ordinal));
        await page.Locator("#user").Filter(new() { HasText = user }).WaitForAsync();
        return (page, errors);
    }

    /// <summary>From now on, every console error of <paramref name="page"/> and every response of status 400 or above
    /// (as "status url"), for a test to assert there were none.</summary>
    protected static List<string> CollectErrors(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                errors.Add($"{response.Status} {response.Url}");
            }
        };
        return errors;
    }
}
