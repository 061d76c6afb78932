using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace CustomerRisk.Cli.Tests;

/// <summary>`crisk assess` / `crisk portfolio` and the server's POST /api/assess / GET /api/portfolio read the same
/// inputs (AssessFromStore): the active stored policy, granted limits, covers and reviews.</summary>
public sealed partial class ServeAndUsersTests
{
    [Fact]
    public async Task CliAndServer_GiveTheSameGradesLimitsAndLosses_ForTheSameStore_UnderTheActiveStoredPolicy()
    {
        using var folder = new TempFolder();
        Task<(int ExitCode, string Out, string Error)> Crisk(params string[] args) => CliProcess.RunAsync(folder.Path, args);
        Assert.Equal(0, (await Crisk("demo", "--out", "demo", "--customers", "120", "--as-of", "2026-06-30")).ExitCode);
        Assert.Equal(0, (await Crisk("import", "demo")).ExitCode);

        // A stored policy that differs from the built-in one: B's limit factor 0.8 instead of 1.0, its own version.
        var shown = await Crisk("policy", "show");
        Assert.True(shown.ExitCode == 0, shown.Error);
        var text = shown.Out.Replace("version: \"2025.1\"", "version: \"2025.9\"", StringComparison.Ordinal)
            .Replace("B: { terms_days: 30, limit_factor: 1.0,", "B: { terms_days: 30, limit_factor: 0.8,", StringComparison.Ordinal);
        Assert.NotEqual(shown.Out, text);
        await File.WriteAllTextAsync(Path.Combine(folder.Path, "parity.yaml"), text);
        var loaded = await Crisk("policy", "load", "parity.yaml", "--by", "test");
        Assert.True(loaded.ExitCode == 0, loaded.Error);

        // A first run to review on; then a grant, a cover and a review that the next runs must all read.
        Assert.Equal(0, (await Crisk("assess", "--as-of", "2026-06-30", "--format", "json", "--out", "first.json")).ExitCode);
        string granted, covered;
        using (var first = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder.Path, "first.json"))))
        {
            var ids = first.RootElement.EnumerateArray().Select(c => c.GetProperty("customer_id").GetString()!).ToArray();
            (granted, covered) = (ids[0], ids[1]);
        }

        Assert.Equal(0, (await Crisk("limits", "grant", "--customer", granted, "--amount", "12345", "--approver", "maria", "--reason", "parity",
            "--from", "2026-01-01")).ExitCode);
        Assert.Equal(0, (await Crisk("collateral", "add", "--customer", covered, "--kind", "deposit", "--value", "5000", "--from", "2026-01-01",
            "--by", "mei")).ExitCode);
        Assert.Equal(0, (await Crisk("reviews", "record", "--customer", covered, "--decision", "keep", "--reason", "parity", "--by", "mei",
            "--date", "2026-06-30")).ExitCode);
        var assess = await Crisk("assess", "--as-of", "2026-06-30", "--format", "json", "--out", "cli.json");
        var portfolio = await Crisk("portfolio", "--as-of", "2026-06-30", "--format", "json");
        Assert.True(assess.ExitCode == 0, assess.Error);
        Assert.True(portfolio.ExitCode == 0, portfolio.Error);
        using var cli = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder.Path, "cli.json")));
        using var cliPortfolio = JsonDocument.Parse(portfolio.Out);
        var cliCustomers = cli.RootElement.EnumerateArray().ToDictionary(c => c.GetProperty("customer_id").GetString()!);

        Assert.Equal(0, (await RunWithInputAsync(folder.Path, Password + "\n", "users", "add", "carl", "--role", "credit_manager")).ExitCode);
        var token = (await Crisk("users", "token", "carl")).Out.Trim();
        var url = $"http://127.0.0.1:{FreePort()}";
        using var server = Process.Start(CliProcess.StartInfo(folder.Path, "serve", "--urls", url))!;
        var output = server.StandardOutput.ReadToEndAsync();
        var errors = server.StandardError.ReadToEndAsync();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri(url) };
            await WaitUntilReadyAsync(client, server);
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

            using var run = await client.PostAsJsonAsync("/api/assess", new { as_of = "2026-06-30" });
            Assert.Equal(HttpStatusCode.OK, run.StatusCode);
            using var ran = JsonDocument.Parse(await run.Content.ReadAsStringAsync());
            using var overview = JsonDocument.Parse(await client.GetStringAsync("/api/portfolio?as_of=2026-06-30"));
            var serverPortfolio = overview.RootElement.GetProperty("portfolio");

            // The run records the stored policy's version, as the CLI's does.
            var version = cliCustomers[granted].GetProperty("policy_version").GetString()!;
            Assert.StartsWith("2025.9", version, StringComparison.Ordinal);
            Assert.Equal(version, ran.RootElement.GetProperty("policy_version").GetString());
            Assert.Equal(version, overview.RootElement.GetProperty("policy_version").GetString());
            using (var active = JsonDocument.Parse(await client.GetStringAsync("/api/policies/active")))
            {
                Assert.Equal(version, active.RootElement.GetProperty("version").GetString());
                Assert.Contains("limit_factor: 0.8", active.RootElement.GetProperty("text").GetString(), StringComparison.Ordinal);
            }

            // Grades and expected loss of the whole portfolio: the saved run, the overview and the CLI agree.
            var cliGrades = cliPortfolio.RootElement.GetProperty("grade_counts").ToString();
            Assert.Equal(cliGrades, ran.RootElement.GetProperty("grade_counts").ToString());
            Assert.Equal(cliGrades, serverPortfolio.GetProperty("grade_counts").ToString());
            var cliLoss = cliPortfolio.RootElement.GetProperty("expected_loss").GetDecimal();
            Assert.Equal(cliLoss, ran.RootElement.GetProperty("expected_loss").GetDecimal());
            Assert.Equal(cliLoss, serverPortfolio.GetProperty("expected_loss").GetDecimal());
            Assert.Equal(cliCustomers.Values.Sum(c => c.GetProperty("expected_loss").GetDecimal()), cliLoss);

            // Customer by customer: the granted limit, the recommended limit under the stored policy, the cover and the review.
            foreach (var id in new[] { granted, covered })
            {
                using var saved = JsonDocument.Parse(await client.GetStringAsync($"/api/customers/{id}"));
                var server360 = saved.RootElement.GetProperty("assessment");
                foreach (var field in new[] { "grade", "credit_limit", "recommended_limit", "utilisation", "expected_loss", "next_review", "pd" })
                {
                    Assert.Equal(cliCustomers[id].GetProperty(field).ToString(), server360.GetProperty(field).ToString());
                }
            }

            Assert.Equal(12345m, cliCustomers[granted].GetProperty("credit_limit").GetDecimal());
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }

        Assert.DoesNotContain("Unhandled", await errors + await output, StringComparison.Ordinal);
    }
}
