using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace CustomerRisk.Cli.Tests;

/// <summary>`crisk users` and `crisk serve` through the real command line.</summary>
public sealed partial class ServeAndUsersTests
{
    private const string Password = "correct horse battery";

    [Fact]
    public async Task UsersAdd_ReadsThePasswordFromStandardInput_AndRefusesBadRequestsWithExitCode2()
    {
        using var folder = new TempFolder();

        var added = await RunWithInputAsync(folder.Path, Password + "\n", "users", "add", "ada", "--role", "admin");
        var again = await RunWithInputAsync(folder.Path, Password + "\n", "users", "add", "ada", "--role", "admin");
        var badRole = await RunWithInputAsync(folder.Path, Password + "\n", "users", "add", "bob", "--role", "root");
        var salesWithoutOwner = await RunWithInputAsync(folder.Path, Password + "\n", "users", "add", "sam", "--role", "sales");
        var shortPassword = await RunWithInputAsync(folder.Path, "short\n", "users", "add", "cy", "--role", "analyst");
        var token = await CliProcess.RunAsync(folder.Path, "users", "token", "ada", "--label", "erp");
        var unknown = await CliProcess.RunAsync(folder.Path, "users", "token", "nobody");
        var list = await CliProcess.RunAsync(folder.Path, "users", "list");

        Assert.True(added.ExitCode == 0, added.Error);
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("exists already", again.Error, StringComparison.Ordinal);
        Assert.Equal(2, badRole.ExitCode);
        Assert.Equal(2, salesWithoutOwner.ExitCode);
        Assert.Equal(2, shortPassword.ExitCode);
        Assert.True(token.ExitCode == 0, token.Error);
        Assert.Matches(TokenShape(), token.Out.Trim());
        Assert.Equal(2, unknown.ExitCode);
        Assert.Equal("ada\tadmin\t\tactive", list.Out.Trim('\n', '\r'));
    }

    [Fact]
    public async Task UsersPasswdRoleDisableEnable_ChangeTheUser_AndKeepTheLastAdmin()
    {
        using var folder = new TempFolder();
        Assert.Equal(0, (await RunWithInputAsync(folder.Path, Password + "\n", "users", "add", "ada", "--role", "admin")).ExitCode);
        Assert.Equal(0, (await RunWithInputAsync(folder.Path, Password + "\n", "users", "add", "ana", "--role", "analyst")).ExitCode);

        var passwd = await RunWithInputAsync(folder.Path, "a new long password\n", "users", "passwd", "ana");
        var fromEnvironment = await RunWithInputAsync(folder.Path, "", [("CRISK_NEW_PASSWORD", "from the environment")],
            "users", "passwd", "ana", "--password-env", "CRISK_NEW_PASSWORD");
        var unsetEnvironment = await RunWithInputAsync(folder.Path, "", [], "users", "passwd", "ana", "--password-env", "CRISK_NOT_SET_ANYWHERE");
        var shortPassword = await RunWithInputAsync(folder.Path, "short\n", "users", "passwd", "ana");
        var ghost = await RunWithInputAsync(folder.Path, "a new long password\n", "users", "passwd", "ghost");
        var role = await CliProcess.RunAsync(folder.Path, "users", "role", "ana", "sales", "--owner", "anna.berg");
        var demoteLastAdmin = await CliProcess.RunAsync(folder.Path, "users", "role", "ada", "analyst");
        var disableLastAdmin = await CliProcess.RunAsync(folder.Path, "users", "disable", "ada");
        var disable = await CliProcess.RunAsync(folder.Path, "users", "disable", "ana");
        var listed = await CliProcess.RunAsync(folder.Path, "users", "list");
        var enable = await CliProcess.RunAsync(folder.Path, "users", "enable", "ana");
        var audit = await CliProcess.RunAsync(folder.Path, "audit", "list", "--kind", "user");

        Assert.True(passwd.ExitCode == 0, passwd.Error);
        Assert.Contains("Password of ana set", passwd.Out, StringComparison.Ordinal);
        Assert.True(fromEnvironment.ExitCode == 0, fromEnvironment.Error);
        Assert.Equal(2, unsetEnvironment.ExitCode);
        Assert.Contains("CRISK_NOT_SET_ANYWHERE is not set", unsetEnvironment.Error, StringComparison.Ordinal);
        Assert.Equal(2, shortPassword.ExitCode);
        Assert.Equal(2, ghost.ExitCode);
        Assert.Contains("No user named 'ghost'", ghost.Error, StringComparison.Ordinal);
        Assert.True(role.ExitCode == 0, role.Error);
        Assert.Equal("ana is sales, owner anna.berg.", role.Out.Trim());
        Assert.Equal(2, demoteLastAdmin.ExitCode);
        Assert.Contains("last active admin", demoteLastAdmin.Error, StringComparison.Ordinal);
        Assert.Equal(2, disableLastAdmin.ExitCode);
        Assert.True(disable.ExitCode == 0, disable.Error);
        Assert.Matches(@"^ada\tadmin\t\tactive\r?\nana\tsales\tanna\.berg\tdisabled \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\r?\n$", listed.Out);
        Assert.Equal("ana is active.", enable.Out.Trim());
        foreach (var action in new[] { "user.password_reset", "user.role_change", "user.disable", "user.enable" })
        {
            Assert.Contains(action, audit.Out, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("from the environment", audit.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_AnswersHealthAndTheSignInPage_DeniesAnonymousData_AndSignsIn()
    {
        using var folder = new TempFolder();
        var added = await RunWithInputAsync(folder.Path, Password + "\n", "users", "add", "carl", "--role", "credit_manager");
        Assert.True(added.ExitCode == 0, added.Error);
        var url = $"http://127.0.0.1:{FreePort()}";
        var info = CliProcess.StartInfo(folder.Path, "serve", "--urls", url);
        using var server = Process.Start(info)!;
        var output = server.StandardOutput.ReadToEndAsync();
        var errors = server.StandardError.ReadToEndAsync();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri(url) };
            await WaitUntilReadyAsync(client, server);

            using var signIn = await client.GetAsync("/signin.html");
            using var anonymous = await client.GetAsync("/api/customers");
            using var session = await client.PostAsJsonAsync("/api/auth/sign-in", new { user_name = "carl", password = Password });
            using var customers = await client.GetAsync("/api/customers");

            Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
            Assert.Equal(HttpStatusCode.OK, session.StatusCode);
            Assert.Equal(HttpStatusCode.OK, customers.StatusCode);
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }

        Assert.DoesNotContain("Unhandled", await errors + await output, StringComparison.Ordinal);
    }

    private static async Task WaitUntilReadyAsync(HttpClient client, Process server)
    {
        // Bounded: at most 120 tries half a second apart (a cold start on a loaded machine takes seconds).
        for (var attempt = 0; attempt < 120; attempt++)
        {
            Assert.False(server.HasExited, "crisk serve exited before it was ready.");
            try
            {
                using var ready = await client.GetAsync("/health/ready");
                if (ready.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(500);
        }

        Assert.Fail("crisk serve did not become ready.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Task<(int ExitCode, string Out, string Error)> RunWithInputAsync(string folder, string input, params string[] args) =>
        RunWithInputAsync(folder, input, [], args);

    private static async Task<(int ExitCode, string Out, string Error)> RunWithInputAsync(string folder, string input,
        (string Name, string Value)[] environment, params string[] args)
    {
        var info = CliProcess.StartInfo(folder, args);
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        info.RedirectStandardInput = true;
        using var process = Process.Start(info)!;
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }

    [GeneratedRegex("^crisk_[A-Za-z0-9_-]{43}$")]
    private static partial Regex TokenShape();
}
