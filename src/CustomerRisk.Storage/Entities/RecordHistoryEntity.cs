namespace CustomerRisk.Storage.Entities;

/// <summary>A change of an upserted row: the table, the row's key, its old and new business columns as JSON
/// (dates as yyyy-MM-dd, amounts as numbers), and the time of the import that changed it.</summary>
public sealed class RecordHistoryEntity
{
    public long HistoryId { get; set; }
    public Guid ImportRunId { get; set; }
    public required string TableName { get; set; }
    public required string RecordKey { get; set; }
    public required string CustomerId { get; set; }
    public required string OldValues { get; set; }
    public required string NewValues { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
}
