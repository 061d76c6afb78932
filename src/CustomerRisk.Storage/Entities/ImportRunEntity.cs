namespace CustomerRisk.Storage.Entities;

/// <summary>A committed import session and what it did.</summary>
public sealed class ImportRunEntity
{
    public Guid ImportRunId { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset CommittedAt { get; set; }
    public int Inserted { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
}
