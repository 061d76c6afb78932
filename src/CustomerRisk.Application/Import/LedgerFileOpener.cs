using System.Text;

namespace CustomerRisk.Application.Import;

/// <summary>The file format, taken from the extension.</summary>
internal enum LedgerFileFormat
{
    Csv,
    Xlsx,
}

/// <summary>An opened import file whose header matched its kind: for each of the kind's columns, the position in the
/// file (-1 when the file lacks an optional column).</summary>
internal sealed record OpenedLedgerFile(LedgerFileSource Source, int[] ColumnPositions, IReadOnlyList<string> Warnings);

/// <summary>Opens an import file and matches its header to its kind's columns, refusing a file that cannot be read at
/// all (spec/data-formats.md, Bad input) with a message that says what to do.</summary>
internal static class LedgerFileOpener
{
    public static LedgerFileFormat FormatOf(string path) =>
        Path.GetExtension(path).Equals(".xlsx", StringComparison.OrdinalIgnoreCase) ? LedgerFileFormat.Xlsx : LedgerFileFormat.Csv;

    /// <summary>Checks the whole file's encoding (CSV) as well as the header: the readability check that runs on every
    /// file before anything is written.
    /// <paramref name="estimatedRows"/> is the CSV's line count (0 for a workbook), to size the table of keys.</summary>
    public static IReadOnlyList<string> Inspect(string path, ImportKind kind, LedgerColumn[] columns, out long estimatedRows)
    {
        estimatedRows = 0;
        if (FormatOf(path) == LedgerFileFormat.Csv && Utf8Check.FindInvalidByte(path, out estimatedRows) is { } bad)
        {
            throw Refuse(path,
                $"{Path.GetFileName(path)} is not UTF-8 (byte 0x{bad.Value:X2} on line {bad.Line}): save it as \"CSV UTF-8\" and import it again");
        }

        var opened = Open(path, kind, columns);
        opened.Source.Dispose();
        return opened.Warnings;
    }

    public static OpenedLedgerFile Open(string path, ImportKind kind, LedgerColumn[] columns)
    {
        var source = OpenSource(path);
        try
        {
            var (positions, warnings) = MatchHeader(path, kind, columns, source.Header);
            return new OpenedLedgerFile(source, positions, warnings);
        }
        catch
        {
            source.Dispose();
            throw;
        }
    }

    public static ImportRefusedException Refuse(string path, string message, Exception? inner = null) =>
        inner is null
            ? new ImportRefusedException(message) { FilePath = path }
            : new ImportRefusedException(message, inner) { FilePath = path };

    private static LedgerFileSource OpenSource(string path)
    {
        var name = Path.GetFileName(path);
        if (FormatOf(path) == LedgerFileFormat.Csv)
        {
            try
            {
                return CsvLedgerSource.Open(path);
            }
            catch (DecoderFallbackException e)
            {
                throw Refuse(path, $"{name} is not UTF-8: save it as \"CSV UTF-8\" and import it again", e);
            }
            catch (IOException e)
            {
                throw Refuse(path, $"{name} cannot be read: {e.Message}", e);
            }
        }

        try
        {
            return XlsxLedgerSource.Open(path);
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            // ExcelDataReader reports a damaged workbook with a range of exception types (zip, XML, its own).
            throw Refuse(path,
                $"{name} is not a readable .xlsx workbook ({e.Message}): open it in Excel, save it again as .xlsx or as \"CSV UTF-8\", and import it again",
                e);
        }
    }

    private static (int[] Positions, IReadOnlyList<string> Warnings) MatchHeader(string path, ImportKind kind,
        LedgerColumn[] columns, IReadOnlyList<string> header)
    {
        var name = Path.GetFileName(path);
        var expected = string.Join(",", columns.Select(c => c.Name));
        if (header.Count == 0)
        {
            throw Refuse(path, $"{name} is empty: a file of {kind.ToCode()} starts with a header row such as {expected}");
        }

        var positions = new int[columns.Length];
        Array.Fill(positions, -1);
        var unknown = new List<string>();
        for (var i = 0; i < header.Count; i++)
        {
            var heading = header[i].Trim();
            var column = Array.FindIndex(columns, c => c.Name.Equals(heading, StringComparison.OrdinalIgnoreCase));
            if (column < 0)
            {
                unknown.Add(heading.Length == 0 ? $"(column {i + 1} has no name)" : heading);
                continue;
            }

            if (positions[column] >= 0)
            {
                throw Refuse(path,
                    $"{name} has the column {columns[column].Name} twice (columns {positions[column] + 1} and {i + 1}): keep one");
            }

            positions[column] = i;
        }

        if (positions.All(p => p < 0))
        {
            throw Refuse(path,
                $"{name} has no header row: its first row ({Shorten(string.Join(",", header))}) names none of the columns of {kind.ToCode()}. Add the header {expected}");
        }

        var missing = columns.Where((c, i) => c.Required && positions[i] < 0).Select(c => c.Name).ToArray();
        if (missing.Length > 0)
        {
            var required = string.Join(", ", columns.Where(c => c.Required).Select(c => c.Name));
            throw Refuse(path,
                $"{name} lacks the required column{(missing.Length > 1 ? "s" : string.Empty)} {string.Join(", ", missing)} (a file of {kind.ToCode()} needs {required}): add {(missing.Length > 1 ? "them" : "it")} to the header");
        }

        IReadOnlyList<string> warnings = unknown.Count == 0
            ? []
            : [$"{name}: unknown column{(unknown.Count > 1 ? "s" : string.Empty)} ignored: {string.Join(", ", unknown)}"];
        return (positions, warnings);
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 57), "...");
}
