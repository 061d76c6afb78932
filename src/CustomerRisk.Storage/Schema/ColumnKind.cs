namespace CustomerRisk.Storage.Schema;

/// <summary>How a column is represented: SQLite keeps dates as day numbers and amounts as 1/10,000 integers;
/// PostgreSQL keeps them as date and numeric(19,4). Codes are the snake_case text of the import format.</summary>
internal enum ColumnKind
{
    Text,
    Integer,
    Date,
    Money,
    Code,
}
