using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CustomerRisk.Cli.Tests.Model;

/// <summary>A model that comes as a file alone gets its validation curves when registered with data to measure it on.</summary>
public sealed class RegisterWithDataTests
{
    [Fact]
    public async Task Register_WithData_KeepsCurvesMeasuredOnThatData_AndWithoutDataKeepsNone()
    {
        using var folder = new TempFolder();
        WriteTable(Path.Combine(folder.Path, "train.csv"), rows: 600, seed: 1);
        WriteTable(Path.Combine(folder.Path, "later.csv"), rows: 400, seed: 2);
        var train = await CliProcess.RunAsync(folder.Path, "model", "train", "--data", "train.csv", "--target", "y", "--algorithm", "logistic", "--out", "m.json");
        Assert.True(train.ExitCode == 0, train.Error);

        var plain = await CliProcess.RunAsync(folder.Path, "model", "register", "m.json");
        Assert.True(plain.ExitCode == 0, plain.Error);
        using (var json = JsonDocument.Parse(plain.Out))
        {
            Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("curves").ValueKind);
        }

        var measured = await CliProcess.RunAsync(folder.Path, "model", "register", "m.json", "--data", "later.csv", "--target", "y");
        Assert.True(measured.ExitCode == 0, measured.Error);
        using (var json = JsonDocument.Parse(measured.Out))
        {
            var curves = json.RootElement.GetProperty("curves");
            Assert.Equal(2, json.RootElement.GetProperty("version").GetInt32());
            Assert.Equal("registration data", curves.GetProperty("sample").GetString());
            Assert.Equal(400, curves.GetProperty("rows").GetInt32());
            Assert.Equal(Bads(Path.Combine(folder.Path, "later.csv")), curves.GetProperty("bads").GetInt32());
            // x drives the outcome, so the model separates the later data well, though not perfectly.
            Assert.InRange(curves.GetProperty("auc").GetDouble(), 0.7, 0.99);
        }
    }

    [Fact]
    public async Task Register_WithBadDataArguments_ExitsWith2_AndRegistersNothing()
    {
        using var folder = new TempFolder();
        WriteTable(Path.Combine(folder.Path, "t.csv"), rows: 300, seed: 3);
        File.WriteAllText(Path.Combine(folder.Path, "one.csv"), "x,y\n1,0\n2,0\n3,0\n");
        Assert.Equal(0, (await CliProcess.RunAsync(folder.Path, "model", "train", "--data", "t.csv", "--target", "y", "--algorithm", "logistic", "--out", "m.json")).ExitCode);

        var noTarget = await CliProcess.RunAsync(folder.Path, "model", "register", "m.json", "--data", "t.csv");
        Assert.Equal(2, noTarget.ExitCode);
        Assert.Contains("--target", noTarget.Error, StringComparison.Ordinal);
        var wrongColumn = await CliProcess.RunAsync(folder.Path, "model", "register", "m.json", "--data", "t.csv", "--target", "nope");
        Assert.Equal(2, wrongColumn.ExitCode);
        Assert.Contains("'nope'", wrongColumn.Error, StringComparison.Ordinal);
        var oneOutcome = await CliProcess.RunAsync(folder.Path, "model", "register", "m.json", "--data", "one.csv", "--target", "y");
        Assert.Equal(2, oneOutcome.ExitCode);
        Assert.Contains("has no row equal to", oneOutcome.Error, StringComparison.Ordinal);

        var list = await CliProcess.RunAsync(folder.Path, "model", "list");
        Assert.Equal("[]", list.Out.Trim());
    }

    private static void WriteTable(string path, int rows, int seed)
    {
        var random = new Random(seed);
        var text = new StringBuilder("x,z,y\n");
        for (var i = 0; i < rows; i++)
        {
            var x = random.NextDouble() * 10;
            var z = random.NextDouble();
            var bad = random.NextDouble() < 1 / (1 + Math.Exp(-(x - 7))) ? 1 : 0;
            text.Append(x.ToString("0.###", CultureInfo.InvariantCulture)).Append(',').Append(z.ToString("0.###", CultureInfo.InvariantCulture)).Append(',').Append(bad).Append('\n');
        }

        File.WriteAllText(path, text.ToString());
    }

    private static int Bads(string path) => File.ReadLines(path).Skip(1).Count(line => line.EndsWith(",1", StringComparison.Ordinal));
}
