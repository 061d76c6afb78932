using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using CustomerRisk.Modeling.Tables;

namespace CustomerRisk.Modeling.Files;

/// <summary>
/// SHA-256 of a table's content: column names and kinds, then every value (numbers as IEEE-754 little-endian bytes,
/// categorical values as UTF-8 level text, missing as a marker). The same data gives the same hash whatever file
/// format or column formatting it came from.
/// </summary>
public static class TableFingerprint
{
    /// <summary>The lower-case hex SHA-256 of the table.</summary>
    /// <param name="table">The data.</param>
    public static string Sha256(ModelingTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> number = stackalloc byte[8];
        foreach (var column in table.Columns)
        {
            hash.AppendData(Encoding.UTF8.GetBytes($"{column.Name}\u001f{column.Kind}\u001e"));
            if (column.Kind == ColumnKind.Numeric)
            {
                var bytes = new byte[column.RowCount * 8];
                var numbers = column.Numbers;
                for (var r = 0; r < numbers.Length; r++)
                {
                    BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(r * 8), double.IsNaN(numbers[r]) ? double.NaN : numbers[r]);
                }

                hash.AppendData(bytes);
                continue;
            }

            var levels = column.Levels.Select(l => Encoding.UTF8.GetBytes(l + "\u001f")).ToArray();
            byte[] missing = [0x1d];
            foreach (var code in column.Codes)
            {
                hash.AppendData(code < 0 ? missing : levels[code]);
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
