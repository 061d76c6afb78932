using CustomerRisk.Storage.Schema;
using Npgsql;
using NpgsqlTypes;

namespace CustomerRisk.Storage.Postgres;

/// <summary>Writes a row's business columns into a binary COPY.</summary>
internal sealed class PostgresCopyWriter(NpgsqlBinaryImporter importer) : IRowSink
{
    public void Text(string? value)
    {
        if (value is null)
        {
            importer.WriteNull();
        }
        else
        {
            importer.Write(value, NpgsqlDbType.Text);
        }
    }

    public void Integer(long? value)
    {
        if (value is { } v)
        {
            importer.Write(checked((int)v), NpgsqlDbType.Integer);
        }
        else
        {
            importer.WriteNull();
        }
    }

    public void Date(DateOnly? value)
    {
        if (value is { } v)
        {
            // As a day number: Npgsql would send DateOnly.MinValue and MaxValue as -infinity and infinity.
            importer.Write(v.DayNumber, NpgsqlDbType.Integer);
        }
        else
        {
            importer.WriteNull();
        }
    }

    public void Money(decimal? value)
    {
        if (value is { } v)
        {
            importer.Write(v, NpgsqlDbType.Numeric);
        }
        else
        {
            importer.WriteNull();
        }
    }
}
