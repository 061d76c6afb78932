using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using CustomerRisk.Application.Demo;

namespace CustomerRisk.Application.Tests.Demo;

/// <summary>A demo portfolio written into a temporary folder and read back with a real RFC 4180 reader; the folder is
/// deleted afterwards.</summary>
public sealed class DemoFolder : IDisposable
{
    public static readonly DateOnly AsOf = new(2025, 6, 30);

    private readonly Dictionary<string, CsvTable> _tables = new(StringComparer.Ordinal);

    public DemoFolder(int customers = 1000, int seed = 42, bool withErrors = false)
    {
        Path = NewTempPath();
        Request = new DemoPortfolioRequest { OutFolder = Path, Customers = customers, Seed = seed, AsOf = AsOf, WithErrors = withErrors };
        Result = DemoPortfolio.HandleAsync(Request, null, CancellationToken.None).GetAwaiter().GetResult();
    }

    public string Path { get; }

    public DemoPortfolioRequest Request { get; }

    public DemoPortfolioResult Result { get; }

    public static string NewTempPath() =>
        System.IO.Path.Combine(System.IO.Path.GetTempPath(), "crisk-demo-test-" + Guid.NewGuid().ToString("N"));

    /// <summary>A file's rows, read once.</summary>
    public CsvTable Table(string fileName)
    {
        lock (_tables)
        {
            if (!_tables.TryGetValue(fileName, out var table))
            {
                table = CsvTable.Read(System.IO.Path.Combine(Path, fileName));
                _tables[fileName] = table;
            }

            return table;
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}

/// <summary>A CSV file as header and rows of fields.</summary>
public sealed class CsvTable
{
    private CsvTable(string[] header, List<string[]> rows)
    {
        Header = header;
        Rows = rows;
    }

    public string[] Header { get; }

    public IReadOnlyList<string[]> Rows { get; }

    public int Column(string name)
    {
        var index = Array.IndexOf(Header, name);
        Assert.True(index >= 0, $"no column {name}");
        return index;
    }

    public IEnumerable<string> Values(string column)
    {
        var index = Column(column);
        return Rows.Select(r => r[index]);
    }

    public static CsvTable Read(string path)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture) { HasHeaderRecord = false, BadDataFound = null };
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, config);
        var rows = new List<string[]>();
        string[]? header = null;
        while (csv.Read())
        {
            var record = csv.Parser.Record!;
            if (header is null)
            {
                header = record;
                continue;
            }

            Assert.True(record.Length == header.Length, $"{System.IO.Path.GetFileName(path)} row {rows.Count + 2} has {record.Length} fields, header {header.Length}");
            rows.Add(record);
        }

        return new CsvTable(header ?? [], rows);
    }
}

/// <summary>One demo portfolio of 1,000 customers shared by the tests of a class.</summary>
public sealed class DemoPortfolioFixture : IDisposable
{
    public DemoFolder Folder { get; } = new(1000);

    public void Dispose() => Folder.Dispose();
}
