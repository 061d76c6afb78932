using System.Globalization;

namespace CustomerRisk.Storage;

/// <summary>Instants on SQLite: ISO 8601 text in UTC with milliseconds ("2026-11-22T08:30:00.000Z"), which sorts in
/// time order and reads well in the sqlite3 shell.</summary>
internal static class StoredInstant
{
    private const string Pattern = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    public static string Format(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString(Pattern, CultureInfo.InvariantCulture);

    public static DateTimeOffset Parse(string text) =>
        DateTimeOffset.ParseExact(text, Pattern, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
