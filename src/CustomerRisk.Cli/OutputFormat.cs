using System.CommandLine;

namespace CustomerRisk.Cli;

/// <summary>`--format table|json|csv` and `--out FILE`, shared by the reporting commands.</summary>
public static class OutputFormat
{
    public static Option<string> CreateFormat() => new Option<string>("--format")
    {
        Description = "table (default), json or csv.",
        DefaultValueFactory = _ => "table",
    }.AcceptOnlyFromAmong("table", "json", "csv");

    public static Option<string?> CreateOut() => new("--out") { Description = "Write to this file instead of standard output." };

    /// <summary>Standard output, or the file named by --out.</summary>
    public static Stream OpenStream(string? path) =>
        path is null ? Console.OpenStandardOutput() : new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
}
