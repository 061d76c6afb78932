namespace CustomerRisk.Storage.Sqlite;

/// <summary>What one row's upsert did, and the key of an inserted row.</summary>
internal readonly record struct UpsertOutcome(UpsertOutcome.Kind What, long InsertedKey)
{
    public enum Kind
    {
        Unchanged,
        Updated,
        Inserted,
    }
}
