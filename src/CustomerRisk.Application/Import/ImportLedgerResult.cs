namespace CustomerRisk.Application.Import;

/// <summary>What an import did: one entry per file, in the order the files were imported (customers first).</summary>
public sealed record ImportLedgerResult
{
    /// <summary>The files imported.</summary>
    public required IReadOnlyList<ImportFileResult> Files { get; init; }

    /// <summary>Warnings about the import as a whole (files in a named folder that were skipped).</summary>
    public required IReadOnlyList<string> Warnings { get; init; }

    /// <summary>Rows accepted over all files.</summary>
    public long Accepted => Files.Sum(f => (long)f.Accepted.Inserted + f.Accepted.Updated + f.Accepted.Unchanged);

    /// <summary>Rows rejected over all files.</summary>
    public long Rejected => Files.Sum(f => f.Rejected);
}
