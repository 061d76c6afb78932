using System.CommandLine;

namespace CustomerRisk.Cli;

/// <summary>Options every command takes.</summary>
public static class GlobalOptions
{
    /// <summary>`--db`: a SQLite file path or a PostgreSQL connection string (spec/cli.md).</summary>
    public static readonly Option<string?> Db = new("--db")
    {
        Description = "SQLite file path (default customer-risk.db, or $CRISK_DB) or a PostgreSQL connection string (Host=…;Database=…;Username=…).",
        Recursive = true,
    };

    /// <summary>The database the command works on: --db, else $CRISK_DB, else customer-risk.db in the working folder.</summary>
    public static string DatabaseOf(ParseResult parseResult)
    {
        var db = parseResult.GetValue(Db);
        if (!string.IsNullOrWhiteSpace(db))
        {
            return db;
        }

        var fromEnvironment = Environment.GetEnvironmentVariable("CRISK_DB");
        return string.IsNullOrWhiteSpace(fromEnvironment) ? "customer-risk.db" : fromEnvironment;
    }

    /// <summary>Parses an ISO date option value.</summary>
    public static DateOnly ParseDate(string text, string option) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None, out var date)
            ? date
            : throw new CliUsageException($"{option} '{text}' is not a date: use yyyy-MM-dd.");

    /// <summary>Today's date from the machine clock: read once at the command line's edge, never in a computation.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
}
