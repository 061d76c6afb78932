using CustomerRisk.Application.Ports;

namespace CustomerRisk.Application.Import;

/// <summary>What the import did with one file.</summary>
public sealed record ImportFileResult
{
    /// <summary>The file's kind.</summary>
    public required ImportKind Kind { get; init; }

    /// <summary>The file imported, as the request named it (or as found in a named folder).</summary>
    public required string Path { get; init; }

    /// <summary>Data rows read, the header and blank lines not counted.</summary>
    public required long RowsRead { get; init; }

    /// <summary>Rows accepted, split into new, changed and identical to what the store held.</summary>
    public required UpsertCounts Accepted { get; init; }

    /// <summary>Rows rejected; each is in <see cref="RejectsPath"/>.</summary>
    public required long Rejected { get; init; }

    /// <summary>The rejects file, or null when no row was rejected.</summary>
    public string? RejectsPath { get; init; }

    /// <summary>Warnings about the file (unknown columns ignored).</summary>
    public required IReadOnlyList<string> Warnings { get; init; }
}
