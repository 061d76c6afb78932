using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace CustomerRisk.Cli.Tests;

/// <summary>The credit commands through the real command line on SQLite.</summary>
public sealed class CreditCommandTests
{
    private static async Task<TempFolder> ImportedAsync()
    {
        var folder = new TempFolder();
        await File.WriteAllTextAsync(Path.Combine(folder.Path, "customers.csv"),
            "customer_id,name,credit_limit,payment_terms_days\nC1,Acme,10000,30\n");
        await File.WriteAllTextAsync(Path.Combine(folder.Path, "invoices.csv"),
            "invoice_id,customer_id,issue_date,due_date,amount\nI1,C1,2026-06-01,2026-07-01,4000\n");
        var import = await CliProcess.RunAsync(folder.Path, "import", "customers.csv", "invoices.csv");
        Assert.True(import.ExitCode == 0, import.Error);
        return folder;
    }

    [Fact]
    public async Task CheckOrder_PrintsTheSpecJson_AndTheAuditChainHoldsItUntilTampered()
    {
        using var folder = await ImportedAsync();

        var check = await CliProcess.RunAsync(folder.Path, "check-order", "--customer", "C1", "--amount", "6000.5",
            "--as-of", "2026-06-15", "--format", "json");

        Assert.True(check.ExitCode == 0, check.Error);
        using var json = JsonDocument.Parse(check.Out);
        var root = json.RootElement;
        Assert.Equal(["decision", "reasons", "exposure", "limit"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("review", root.GetProperty("decision").GetString());
        Assert.Equal(10_000.5m, root.GetProperty("exposure").GetDecimal());
        Assert.Equal(10_000m, root.GetProperty("limit").GetDecimal());
        var reason = Assert.Single(root.GetProperty("reasons").EnumerateArray().ToList());
        Assert.Equal(["rule", "detail"], reason.EnumerateObject().Select(p => p.Name));
        Assert.Equal("review_over_limit", reason.GetProperty("rule").GetString());

        var verify = await CliProcess.RunAsync(folder.Path, "audit", "verify");
        Assert.True(verify.ExitCode == 0, verify.Error + verify.Out);
        // import, the built-in policy recorded on first use, the check.
        Assert.Contains("intact: 3 records", verify.Out, StringComparison.Ordinal);

        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(folder.Path, "customer-risk.db")};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor = 'someone else' WHERE seq = 1;";
            await command.ExecuteNonQueryAsync();
        }

        var broken = await CliProcess.RunAsync(folder.Path, "audit", "verify");
        Assert.Equal(1, broken.ExitCode);
        Assert.Contains("BROKEN at record 1", broken.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PolicyLoad_OfABadFile_ExitsWith2NamingTheLine_AndAGoodOneBecomesActive()
    {
        using var folder = await ImportedAsync();
        var text = Policy.PolicyLoader.DefaultPolicyText();
        var line = text[..text.IndexOf("limit_factor: 1.5", StringComparison.Ordinal)].Count(c => c == '\n') + 1;
        await File.WriteAllTextAsync(Path.Combine(folder.Path, "bad.yaml"), text.Replace("limit_factor: 1.5", "limit_factor: -1.5", StringComparison.Ordinal));
        await File.WriteAllTextAsync(Path.Combine(folder.Path, "strict.yaml"), text.Replace("over_limit_tolerance: 0.10", "over_limit_tolerance: 0", StringComparison.Ordinal));

        var bad = await CliProcess.RunAsync(folder.Path, "policy", "load", "bad.yaml");
        var good = await CliProcess.RunAsync(folder.Path, "policy", "load", "strict.yaml", "--by", "Maria");
        var show = await CliProcess.RunAsync(folder.Path, "policy", "show");
        var grant = await CliProcess.RunAsync(folder.Path, "limits", "grant", "--customer", "C1", "--amount", "5000",
            "--approver", "Maria", "--reason", "trial", "--temporary");

        Assert.Equal(2, bad.ExitCode);
        Assert.Contains($"bad.yaml:{line}:", bad.Error, StringComparison.Ordinal);
        Assert.True(good.ExitCode == 0, good.Error);
        Assert.Contains("now active", good.Out, StringComparison.Ordinal);
        Assert.Contains("over_limit_tolerance: 0\n", show.Out, StringComparison.Ordinal);
        Assert.Contains("strict.yaml", show.Error, StringComparison.Ordinal);
        Assert.Equal(2, grant.ExitCode);
        Assert.Contains("--until", grant.Error, StringComparison.Ordinal);
    }
}
