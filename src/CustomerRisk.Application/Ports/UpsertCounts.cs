namespace CustomerRisk.Application.Ports;

/// <summary>What an upsert did: rows new to the store, rows changed, rows identical to what was stored.</summary>
public readonly record struct UpsertCounts(int Inserted, int Updated, int Unchanged)
{
    /// <summary>Adds two counts.</summary>
    public static UpsertCounts operator +(UpsertCounts a, UpsertCounts b) =>
        new(a.Inserted + b.Inserted, a.Updated + b.Updated, a.Unchanged + b.Unchanged);
}
