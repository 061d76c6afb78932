using System.Text.Json;

namespace CustomerRisk.Cli.Tests;

/// <summary>`crisk webhooks deliveries` and `crisk webhooks retry` through the real command line: deliveries to a
/// receiver that refuses every connection are given up, listed with their attempts, and re-queued one or all at once;
/// a pending one is refused with exit code 2 and its reason.</summary>
public sealed class WebhookDeliveriesCommandTests
{
    [Fact]
    public async Task FailedDeliveries_AreListed_AndRequeuedOneOrAll_AndAPendingOneIsRefused()
    {
        using var folder = new TempFolder();
        Task<(int ExitCode, string Out, string Error)> Crisk(params string[] args) => CliProcess.RunAsync(folder.Path, args);
        Assert.Equal(0, (await Crisk("demo", "--out", "demo", "--customers", "120", "--as-of", "2026-06-30")).ExitCode);
        Assert.Equal(0, (await Crisk("import", "demo")).ExitCode);
        // Nothing listens on the discard port: every attempt is a refused connection, no network is used.
        Assert.Equal(0, (await Crisk("webhooks", "add", "http://127.0.0.1:9/hook", "--events", "alert.opened", "--by", "ops")).ExitCode);
        Assert.Equal(0, (await Crisk("assess", "--as-of", "2026-06-30", "--format", "csv", "--out", "assess.csv")).ExitCode);

        var deliver = await Crisk("webhooks", "deliver", "--attempts", "1", "--max-attempts", "1", "--format", "json");
        var failed = await Crisk("webhooks", "deliveries", "1", "--status", "failed", "--page-size", "500", "--format", "json");
        var table = await Crisk("webhooks", "deliveries", "1", "--page-size", "3");

        Assert.True(failed.ExitCode == 0, failed.Error);
        using var given = JsonDocument.Parse(deliver.Out);
        var gaveUp = given.RootElement.GetProperty("failed").GetInt32();
        Assert.True(gaveUp > 1, "the demo portfolio opens several alerts, each queued for the subscription");
        Assert.Equal((0, 0, gaveUp), (given.RootElement.GetProperty("delivered").GetInt32(), given.RootElement.GetProperty("retrying").GetInt32(),
            given.RootElement.GetProperty("attempts").GetInt32()));
        using var listed = JsonDocument.Parse(failed.Out);
        var rows = listed.RootElement.EnumerateArray().ToArray();
        Assert.Equal(gaveUp, rows.Length);
        var ids = rows.Select(r => r.GetProperty("delivery_id").GetInt64()).ToArray();
        Assert.Equal(ids.OrderDescending(), ids);
        Assert.All(rows, r =>
        {
            Assert.Equal(("failed", "alert.opened", 1), (r.GetProperty("status").GetString(), r.GetProperty("event_type").GetString(),
                r.GetProperty("attempt_count").GetInt32()));
            var attempt = Assert.Single(r.GetProperty("attempts").EnumerateArray());
            Assert.Equal(JsonValueKind.Null, attempt.GetProperty("status_code").ValueKind);
            Assert.False(string.IsNullOrEmpty(attempt.GetProperty("error").GetString()));
            Assert.Equal(JsonValueKind.Number, r.GetProperty("alert_id").ValueKind);
        });
        Assert.True(table.ExitCode == 0, table.Error);
        Assert.Contains($"(3 of {gaveUp})", table.Out, StringComparison.Ordinal);
        Assert.Contains("failed", table.Out, StringComparison.Ordinal);

        var first = ids[^1].ToString(System.Globalization.CultureInfo.InvariantCulture);
        var one = await Crisk("webhooks", "retry", first, "--by", "ada");
        var again = await Crisk("webhooks", "retry", first, "--by", "ada");
        var all = await Crisk("webhooks", "retry", "--all-failed", "1", "--by", "ada", "--format", "json");
        var none = await Crisk("webhooks", "retry", "--all-failed", "1", "--by", "ada");
        var neither = await Crisk("webhooks", "retry");
        var both = await Crisk("webhooks", "retry", first, "--all-failed", "1");
        var badStatus = await Crisk("webhooks", "deliveries", "1", "--status", "given_up");
        var unknown = await Crisk("webhooks", "deliveries", "99");
        var counts = await Crisk("webhooks", "list", "--format", "json");
        var audit = await Crisk("audit", "list", "--limit", "500", "--format", "json");

        Assert.True(one.ExitCode == 0, one.Error);
        Assert.Contains($"Re-queued 1 delivery of webhook 1 ({first})", one.Out, StringComparison.Ordinal);
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("is pending", again.Error, StringComparison.Ordinal);
        Assert.True(all.ExitCode == 0, all.Error);
        using (var json = JsonDocument.Parse(all.Out))
        {
            Assert.Equal(ids[..^1].Order(), json.RootElement.GetProperty("requeued").EnumerateArray().Select(i => i.GetInt64()));
        }

        Assert.Contains("no failed delivery", none.Out, StringComparison.Ordinal);
        Assert.Equal((2, 2, 2, 2), (neither.ExitCode, both.ExitCode, badStatus.ExitCode, unknown.ExitCode));
        Assert.Contains("pending, delivered, failed", badStatus.Error, StringComparison.Ordinal);
        using (var json = JsonDocument.Parse(counts.Out))
        {
            var row = Assert.Single(json.RootElement.EnumerateArray());
            Assert.Equal((gaveUp, 0, 0), (row.GetProperty("pending").GetInt32(), row.GetProperty("delivered").GetInt32(), row.GetProperty("failed").GetInt32()));
        }

        using (var json = JsonDocument.Parse(audit.Out))
        {
            var retries = json.RootElement.EnumerateArray().Where(r => r.GetProperty("action").GetString() == "webhook.retry").ToArray();
            Assert.Equal(2, retries.Length);
            Assert.All(retries, r => Assert.Equal(("ada", "webhook_subscription:1"), (r.GetProperty("actor").GetString(), r.GetProperty("entity").GetString())));
        }

        Assert.Equal(0, (await Crisk("audit", "verify")).ExitCode);
    }
}
