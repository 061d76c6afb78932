namespace CustomerRisk.Storage;

/// <summary>How the process that opens a store uses it.</summary>
public sealed record RiskStoreOptions
{
    /// <summary>True when the process does nothing else with the store while it imports, as `crisk import` does. A
    /// SQLite import then tries to take the file for itself and write it with a rollback journal instead of the
    /// write-ahead log (much less writing for a large import; docs/storage.md, "Import sessions"), and goes on with
    /// the log as usual when another connection has the file open. Readers that open the file while such an import
    /// runs wait for it to end. False by default: a server keeps answering while it imports. PostgreSQL ignores it.</summary>
    public bool ImportsAlone { get; init; }

    /// <summary>True when the process does nothing else with the store while it saves a run's assessments, as
    /// `crisk assess` does. A SQLite save then tries to take the file for itself and write the run with a rollback
    /// journal instead of the write-ahead log (each page written once, not to the log and again by its checkpoint;
    /// docs/storage.md), and goes on with the log as usual when another connection has the file open. Readers that
    /// open the file while such a save runs wait for it to end. False by default: a server keeps answering while it
    /// assesses. PostgreSQL ignores it.</summary>
    public bool AssessesAlone { get; init; }
}
