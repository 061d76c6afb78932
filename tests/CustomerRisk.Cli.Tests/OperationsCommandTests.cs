using System.Text.Json;

namespace CustomerRisk.Cli.Tests;

/// <summary>The operations commands through the real command line on a demo portfolio.</summary>
public sealed class OperationsCommandTests
{
    [Fact]
    public async Task AlertsReviewsCollectionsAndCollateral_WorkEndToEnd_AndRefusalsExitWith2()
    {
        using var folder = new TempFolder();
        Task<(int ExitCode, string Out, string Error)> Crisk(params string[] args) => CliProcess.RunAsync(folder.Path, args);
        Assert.Equal(0, (await Crisk("demo", "--out", "demo", "--customers", "120", "--as-of", "2026-06-30")).ExitCode);
        Assert.Equal(0, (await Crisk("import", "demo")).ExitCode);
        // assess saves the assessment and its alerts (spec/cli.md); running it twice stores each alert once.
        Assert.Equal(0, (await Crisk("assess", "--as-of", "2026-06-30", "--format", "csv", "--out", "assess.csv")).ExitCode);
        var afterFirst = await Crisk("alerts", "--format", "json");
        Assert.Equal(0, (await Crisk("assess", "--as-of", "2026-06-30", "--format", "csv", "--out", "assess2.csv")).ExitCode);
        var open = await Crisk("alerts", "--format", "json");
        var sync = await Crisk("alerts", "sync", "--as-of", "2026-06-30", "--format", "json");

        Assert.True(afterFirst.ExitCode == 0, afterFirst.Error);
        using var alerts = JsonDocument.Parse(open.Out);
        using (var firstList = JsonDocument.Parse(afterFirst.Out))
        {
            var opened = firstList.RootElement.GetArrayLength();
            Assert.True(opened > 0, "a demo portfolio fires some early-warning rules, and assess stores them");
            Assert.Equal(opened, alerts.RootElement.GetArrayLength());
            var keys = alerts.RootElement.EnumerateArray().Select(a => (a.GetProperty("customer_id").GetString(), a.GetProperty("rule").GetString())).ToList();
            Assert.Equal(keys.Count, keys.Distinct().Count());
        }

        // Synchronising from the saved assessments afterwards finds everything already in step.
        Assert.True(sync.ExitCode == 0, sync.Error);
        using (var resync = JsonDocument.Parse(sync.Out))
        {
            Assert.Equal((0, 0, 0), (resync.RootElement.GetProperty("opened").GetInt32(), resync.RootElement.GetProperty("updated").GetInt32(),
                resync.RootElement.GetProperty("resolved").GetInt32()));
        }

        var alert = alerts.RootElement[0];
        var id = alert.GetProperty("alert_id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var customer = alert.GetProperty("customer_id").GetString()!;

        var ack = await Crisk("alerts", "ack", id, "--by", "mei", "--note", "calling");
        var ackAgain = await Crisk("alerts", "ack", id, "--by", "mei");
        var resolveNoNote = await Crisk("alerts", "resolve", id, "--by", "mei");
        var resolve = await Crisk("alerts", "resolve", id, "--by", "mei", "--note", "paid in full");
        var resolved = await Crisk("alerts", "--status", "resolved", "--customer", customer, "--format", "json");

        Assert.True(ack.ExitCode == 0, ack.Error);
        Assert.Equal(2, ackAgain.ExitCode);
        Assert.Contains("already acknowledged", ackAgain.Error, StringComparison.Ordinal);
        Assert.Equal(2, resolveNoNote.ExitCode);
        Assert.True(resolve.ExitCode == 0, resolve.Error);
        using (var json = JsonDocument.Parse(resolved.Out))
        {
            var row = Assert.Single(json.RootElement.EnumerateArray());
            Assert.Equal(("resolved", "mei", "paid in full"), (row.GetProperty("status").GetString(), row.GetProperty("resolved_by").GetString(), row.GetProperty("resolution").GetString()));
        }

        var record = await Crisk("reviews", "record", "--customer", customer, "--decision", "keep", "--reason", "known risk", "--by", "mei",
            "--date", "2026-07-01", "--format", "json");
        Assert.True(record.ExitCode == 0, record.Error);
        using var review = JsonDocument.Parse(record.Out);
        var reviewId = review.RootElement.GetProperty("review").GetProperty("review_id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var replay = await Crisk("reviews", "replay", reviewId);
        var badDecision = await Crisk("reviews", "record", "--customer", customer, "--decision", "approve", "--reason", "x", "--by", "mei");
        var due = await Crisk("reviews", "--due", "--as-of", "2026-07-01", "--format", "json");

        Assert.True(replay.ExitCode == 0, replay.Error);
        Assert.Contains("the same as recorded", replay.Out, StringComparison.Ordinal);
        Assert.Equal(2, badDecision.ExitCode);
        using (var json = JsonDocument.Parse(due.Out))
        {
            Assert.DoesNotContain(json.RootElement.EnumerateArray(), r => r.GetProperty("customer_id").GetString() == customer
                && r.GetProperty("triggers").EnumerateArray().Any(t => t.GetString() == "never_reviewed"));
        }

        var cover = await Crisk("collateral", "add", "--customer", customer, "--kind", "guarantee", "--value", "50000", "--haircut", "0.2",
            "--from", "2026-01-01", "--expiry", "2026-07-15", "--by", "mei");
        var badCover = await Crisk("collateral", "add", "--customer", customer, "--kind", "guarantee", "--value", "50000", "--haircut", "20",
            "--by", "mei");
        var covers = await Crisk("collateral", "list", "--as-of", "2026-06-30", "--format", "json");
        var worklist = await Crisk("collections", "--as-of", "2026-06-30", "--format", "json");
        var table = await Crisk("collections", "--as-of", "2026-06-30");

        Assert.True(cover.ExitCode == 0, cover.Error);
        Assert.Equal(2, badCover.ExitCode);
        using (var json = JsonDocument.Parse(covers.Out))
        {
            var row = Assert.Single(json.RootElement.EnumerateArray());
            Assert.Equal(("expiring", 40_000m), (row.GetProperty("status").GetString(), row.GetProperty("counted_value").GetDecimal()));
        }

        using (var json = JsonDocument.Parse(worklist.Out))
        {
            var losses = json.RootElement.EnumerateArray().Select(r => r.GetProperty("loss_on_overdue").GetDecimal()).ToArray();
            Assert.NotEmpty(losses);
            Assert.Equal(losses.OrderDescending(), losses);
            Assert.All(json.RootElement.EnumerateArray(), r => Assert.True(r.GetProperty("overdue_ar").GetDecimal() > 0m));
        }

        Assert.Contains("loss on overdue", table.Out, StringComparison.Ordinal);

        // Every decision above, and these, is in the hash-chained audit trail with who, before and after.
        Assert.Equal(0, (await Crisk("collections", "action", "--customer", customer, "--kind", "call", "--by", "li", "--date", "2026-07-01")).ExitCode);
        Assert.Equal(0, (await Crisk("collections", "promise", "--customer", customer, "--amount", "1000", "--pay-by", "2026-07-05", "--by", "li",
            "--date", "2026-07-01")).ExitCode);
        Assert.Equal(0, (await Crisk("collections", "evaluate", "--as-of", "2026-07-31")).ExitCode);
        Assert.Equal(0, (await Crisk("webhooks", "add", "http://127.0.0.1:9/hook", "--by", "ops")).ExitCode);
        var removed = await Crisk("webhooks", "remove", "1", "--by", "ops");
        Assert.True(removed.ExitCode == 0, removed.Error);
        Assert.Contains("Webhook 1 (http://127.0.0.1:9/hook) removed", removed.Out, StringComparison.Ordinal);
        Assert.Equal(2, (await Crisk("webhooks", "remove", "99")).ExitCode);
        var audit = await Crisk("audit", "list", "--limit", "500", "--format", "json");
        var verify = await Crisk("audit", "verify");

        Assert.True(audit.ExitCode == 0, audit.Error);
        using (var json = JsonDocument.Parse(audit.Out))
        {
            var records = json.RootElement.EnumerateArray().ToArray();
            string[] kinds = ["alert.acknowledge", "alert.resolve", "review.record", "collateral.add", "collection.action", "collection.promise",
                "webhook.add", "webhook.remove"];
            foreach (var kind in kinds)
            {
                Assert.Contains(records, r => r.GetProperty("action").GetString() == kind && r.GetProperty("after").GetString() is { Length: > 2 });
            }

            Assert.Contains(records, r => r.GetProperty("action").GetString() is "promise.kept" or "promise.broken");
            var ackRecord = records.Single(r => r.GetProperty("action").GetString() == "alert.acknowledge");
            Assert.Equal("mei", ackRecord.GetProperty("actor").GetString());
            Assert.Contains("\"status\":\"open\"", ackRecord.GetProperty("before").GetString(), StringComparison.Ordinal);
        }

        Assert.True(verify.ExitCode == 0, verify.Out + verify.Error);
        Assert.Contains("Audit chain intact", verify.Out, StringComparison.Ordinal);
    }
}
