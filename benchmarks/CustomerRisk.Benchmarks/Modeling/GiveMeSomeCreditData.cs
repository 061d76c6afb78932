using CustomerRisk.Modeling;
using CustomerRisk.Modeling.Tables;
using CustomerRisk.Modeling.Validation;

namespace CustomerRisk.Benchmarks.Modeling;

/// <summary>
/// The Give Me Some Credit training file split 70/30 (stratified, seed 42, the split the peers in
/// benchmarks/peers/modeling rebuild), found through $CRISK_GMSC or a folder <c>shared/data</c> above the working
/// folder or the binaries.
/// </summary>
internal sealed class GiveMeSomeCreditData
{
    public const string Target = "SeriousDlqin2yrs";

    private GiveMeSomeCreditData(TrainingSet train, ModelingTable test, byte[] testLabels)
    {
        Train = train;
        Test = test;
        TestLabels = testLabels;
    }

    public TrainingSet Train { get; }

    public ModelingTable Test { get; }

    public byte[] TestLabels { get; }

    /// <summary>Rows kept in a dry run: enough for both classes in both parts of the split.</summary>
    private const int DryRunRows = 3_000;

    /// <summary>True when the data file can be found.</summary>
    public static bool IsAvailable => Locate() is not null;

    public static GiveMeSomeCreditData Load()
    {
        var path = Locate() ?? throw new FileNotFoundException(
            "Give Me Some Credit (give_me_some_credit/cs-training.csv) was not found: set CRISK_GMSC or run from the repository.");
        var table = DryRun.Enabled ? ReadFirstRows(path, DryRunRows) : CsvTableReader.Read(path);

        var all = TrainingSet.From(table, Target);
        var (train, test) = StratifiedSplit.TrainTest(all.Target.Labels, 0.3, 42);
        return new GiveMeSomeCreditData(
            TrainingSet.From(table.SelectRows(train), Target),
            table.SelectRows(test).Without(Target),
            test.Select(r => all.Target.Labels[r]).ToArray());
    }

    /// <summary>The header and the first <paramref name="rows"/> rows, through a temporary copy (a dry run need not
    /// parse 150,000 rows).</summary>
    private static ModelingTable ReadFirstRows(string path, int rows)
    {
        var copy = Path.Combine(Path.GetTempPath(), $"crisk-gmsc-{Guid.NewGuid():N}.csv");
        try
        {
            File.WriteAllLines(copy, File.ReadLines(path).Take(rows + 1));
            return CsvTableReader.Read(copy);
        }
        finally
        {
            File.Delete(copy);
        }
    }

    private static string? Locate()
    {
        if (Environment.GetEnvironmentVariable("CRISK_GMSC") is { Length: > 0 } fromEnv && File.Exists(fromEnv))
        {
            return fromEnv;
        }

        // BenchmarkDotNet runs each benchmark from its own build folder, which may lie outside the repository, so the
        // source file's folder (recorded by the compiler) is tried too.
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory, SourceFolder() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "data", "give_me_some_credit", "cs-training.csv");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    private static string SourceFolder([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        Path.GetDirectoryName(path) ?? ".";
}
