using System.Globalization;
using CsvHelper;

namespace CustomerRisk.Application.Tests.Import;

/// <summary>Reads a rejects file back with an independent RFC 4180 parser.</summary>
internal static class RejectsFile
{
    public static List<string[]> Read(string path)
    {
        using var reader = new StreamReader(path);
        using var parser = new CsvParser(reader, CultureInfo.InvariantCulture);
        var rows = new List<string[]>();
        while (parser.Read())
        {
            rows.Add(parser.Record!);
        }

        return rows;
    }
}
