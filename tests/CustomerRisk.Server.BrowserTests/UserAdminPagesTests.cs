using Microsoft.Playwright;

namespace CustomerRisk.Server.BrowserTests;

/// <summary>The users page and the "my password" page in a real browser, on a server of their own (these tests change
/// users): an administrator adds a user, changes the user's role and disables them through the page, and the user's
/// open session ends; an administrator sets a user's password, whose session ends and whose old password no longer
/// signs in; disabling the last administrator is refused on the page; a sales user changes their own password
/// in Chinese. Screenshots: users.png, account-zh.png.</summary>
public sealed class UserAdminPagesTests(RunningServer server) : BrowserSession, IClassFixture<RunningServer>
{
    // Adding a user hashes a password, changing one's own hashes two (PBKDF2, 600,000 iterations each): on a loaded
    // machine that alone can pass the default 30 s, so the answers to those two get longer.
    private static readonly LocatorAssertionsToHaveTextOptions Hashing = new() { Timeout = 120_000 };

    [BrowserFact]
    public async Task Admin_AddsAUser_ChangesTheRole_AndDisablesThem_WhoseSessionEnds()
    {
        var (page, errors) = await SignedInAsync(server, "ada", "en-GB");

        await page.GetByRole(AriaRole.Link, new() { Name = "Users", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(server.BaseUrl + "/users");
        var add = page.Locator("#user-add-form");
        await add.GetByLabel("User name").FillAsync("nora");
        await add.GetByLabel("Role").SelectOptionAsync("credit_manager");
        await add.GetByLabel("Password").FillAsync(RunningServer.Password);
        await add.GetByRole(AriaRole.Button, new() { Name = "Add" }).ClickAsync();
        await Assertions.Expect(page.Locator("#users-status")).ToHaveTextAsync("Added nora as credit manager.", Hashing);
        var (nora, noraErrors) = await SignedInAsync(server, "nora", "en-GB");
        await Assertions.Expect(nora.Locator("#user")).ToHaveTextAsync("nora · credit manager");

        var row = page.Locator("#users-table tbody tr[data-user-name='nora']");
        await row.GetByLabel("Role of nora").SelectOptionAsync("collector");
        await row.GetByRole(AriaRole.Button, new() { Name = "Change role" }).ClickAsync();
        await Assertions.Expect(page.Locator("#users-status")).ToHaveTextAsync("nora is now collector; their sessions have ended.");
        await Assertions.Expect(row.GetByLabel("Role of nora")).ToHaveValueAsync("collector");
        await row.GetByRole(AriaRole.Button, new() { Name = "Disable" }).ClickAsync();
        await Assertions.Expect(page.Locator("#users-status")).ToHaveTextAsync("nora is disabled: no sign-in, sessions and tokens refused.");
        await Assertions.Expect(row.Locator("td.state")).ToContainTextAsync("disabled since");
        await Assertions.Expect(row.GetByRole(AriaRole.Button, new() { Name = "Enable" })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "users.png"), FullPage = true });

        // nora's open page: the next request is refused and the browser is sent to sign in.
        await nora.ReloadAsync();
        await nora.WaitForURLAsync(url => url.EndsWith("/signin.html", StringComparison.Ordinal));
        Assert.Empty(errors);
        Assert.All(noraErrors, e => Assert.Contains("401", e, StringComparison.Ordinal));
    }

    [BrowserFact]
    public async Task Admin_SetsAUsersPassword_WhoseSessionEnds_AndOnlyTheNewPasswordSignsIn()
    {
        var (page, errors) = await SignedInAsync(server, "ada", "en-GB");
        await page.GotoAsync(server.BaseUrl + "/users");
        var add = page.Locator("#user-add-form");
        await add.GetByLabel("User name").FillAsync("pia");
        await add.GetByLabel("Role").SelectOptionAsync("analyst");
        await add.GetByLabel("Password").FillAsync(RunningServer.Password);
        await add.GetByRole(AriaRole.Button, new() { Name = "Add" }).ClickAsync();
        await Assertions.Expect(page.Locator("#users-status")).ToHaveTextAsync("Added pia as analyst.", Hashing);
        var (pia, piaErrors) = await SignedInAsync(server, "pia", "en-GB");

        var row = page.Locator("#users-table tbody tr[data-user-name='pia']");
        await row.GetByLabel("New password for pia").FillAsync("pia's password, reset");
        await row.GetByRole(AriaRole.Button, new() { Name = "Set password" }).ClickAsync();
        await Assertions.Expect(page.Locator("#users-status")).ToHaveTextAsync("Password of pia set; their sessions have ended.", Hashing);

        // pia's open page: the next request is refused and the browser is sent to sign in.
        await pia.ReloadAsync();
        await pia.WaitForURLAsync(url => url.EndsWith("/signin.html", StringComparison.Ordinal));
        // The old password no longer signs in; the new one does.
        await pia.Locator("input[name=user_name], #user_name").First.FillAsync("pia");
        await pia.Locator("input[type=password]").FillAsync(RunningServer.Password);
        await pia.Locator("form button[type=submit]").ClickAsync();
        await Assertions.Expect(pia.Locator("#signin-error")).ToHaveTextAsync("Wrong user name or password.", Hashing);
        var (again, againErrors) = await SignedInAsync(server, "pia", "en-GB", "pia's password, reset");
        await Assertions.Expect(again.Locator("#user")).ToHaveTextAsync("pia · analyst");
        Assert.Empty(errors);
        Assert.Empty(againErrors);
        Assert.All(piaErrors, e => Assert.Contains("401", e, StringComparison.Ordinal));
    }

    [BrowserFact]
    public async Task DisablingTheLastAdmin_IsRefusedOnThePage()
    {
        var (page, errors) = await SignedInAsync(server, "ada", "en-GB");
        await page.GotoAsync(server.BaseUrl + "/users");

        var row = page.Locator("#users-table tbody tr[data-user-name='ada']");
        await row.GetByRole(AriaRole.Button, new() { Name = "Disable" }).ClickAsync();

        await Assertions.Expect(page.Locator("#users-status")).ToHaveTextAsync(
            "Refused: this is the last active administrator. Make another user administrator first.");
        await Assertions.Expect(row.Locator("td.state")).ToHaveTextAsync("active");
        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.Contains("409", e, StringComparison.Ordinal));
    }

    [BrowserFact]
    public async Task SalesUser_ChangesTheirOwnPassword_InChinese()
    {
        var (page, errors) = await SignedInAsync(server, "sam", "zh-CN");

        await page.GetByRole(AriaRole.Link, new() { Name = "我的密码", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(server.BaseUrl + "/account");
        Assert.False(await page.GetByRole(AriaRole.Link, new() { Name = "用户", Exact = true }).IsVisibleAsync());
        var form = page.Locator("#password-form");
        await form.GetByLabel("当前密码").FillAsync(RunningServer.Password);
        await form.GetByLabel("新密码（至少 12 个字符）").FillAsync("sam's new password");
        await form.GetByLabel("再次输入新密码").FillAsync("sam's new password");
        await form.GetByRole(AriaRole.Button, new() { Name = "修改我的密码" }).ClickAsync();

        await Assertions.Expect(page.Locator("#account-status")).ToHaveTextAsync("您的密码已修改；其他会话已结束。", Hashing);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "account-zh.png"), FullPage = true });
        // This session goes on after the change.
        await page.GetByRole(AriaRole.Link, new() { Name = "客户", Exact = true }).ClickAsync();
        await page.Locator("table.data tbody tr").First.WaitForAsync();
        Assert.Empty(errors);
    }
}
