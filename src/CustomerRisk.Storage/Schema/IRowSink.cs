namespace CustomerRisk.Storage.Schema;

/// <summary>Receives the business columns of one row, in the order of <see cref="TableShape{T}.Columns"/>: a SQLite
/// statement's parameters, a PostgreSQL binary COPY row, or a check of the amounts.</summary>
internal interface IRowSink
{
    void Text(string? value);

    void Integer(long? value);

    void Date(DateOnly? value);

    void Money(decimal? value);
}
