using System.Globalization;
using System.Text;

namespace CustomerRisk.Modeling.Tables;

/// <summary>
/// Reads a CSV file with a header row into a <see cref="ModelingTable"/>. A column is numeric when every present value
/// parses as an invariant-culture number, otherwise categorical. Fields may be quoted with double quotes (RFC 4180).
/// </summary>
public static class CsvTableReader
{
    /// <summary>Reads a CSV file.</summary>
    /// <param name="path">Path of a UTF-8 CSV file with a header row.</param>
    /// <param name="options">Reading options; defaults when null.</param>
    /// <exception cref="ModelingDataException">The file is empty, ragged or has duplicate column names.</exception>
    public static ModelingTable Read(string path, CsvReadOptions? options = null)
    {
        string text;
        try
        {
            text = File.ReadAllText(path, Encoding.UTF8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ModelingDataException($"Cannot read '{path}': {e.Message}", e);
        }

        return Parse(text, options);
    }

    /// <summary>Parses CSV text.</summary>
    /// <param name="text">The whole file content, header first.</param>
    /// <param name="options">Reading options; defaults when null.</param>
    /// <exception cref="ModelingDataException">The text has no header, a ragged row or duplicate column names.</exception>
    public static ModelingTable Parse(string text, CsvReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        options ??= new CsvReadOptions();
        var fields = new List<int>(1 << 16); // start, length, quoted flag triples
        var pos = 0;
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            pos = 1;
        }

        var header = new List<string>();
        var line = 1;
        if (!ReadRecord(text, ref pos, options.Separator, fields, ref line))
        {
            throw new ModelingDataException("The file is empty: a header row is required.");
        }

        for (var i = 0; i < fields.Count; i += 3)
        {
            header.Add(FieldText(text, fields[i], fields[i + 1], fields[i + 2] != 0).Trim());
        }

        var width = header.Count;
        fields.Clear();
        var rows = 0;
        while (true)
        {
            var before = fields.Count;
            var recordLine = line;
            if (!ReadRecord(text, ref pos, options.Separator, fields, ref line))
            {
                break;
            }

            var count = (fields.Count - before) / 3;
            if (count == 1 && fields[before + 1] == 0 && fields[before + 2] == 0)
            {
                fields.RemoveRange(before, 3); // a blank line
                continue;
            }

            if (count != width)
            {
                throw new ModelingDataException($"Line {recordLine} has {count} fields where the header has {width}.");
            }

            rows++;
        }

        var missing = new HashSet<string>(options.MissingTokens, StringComparer.Ordinal);
        var categorical = new HashSet<string>(options.CategoricalColumns, StringComparer.Ordinal);
        var columns = new List<TableColumn>(width);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var c = 0; c < width; c++)
        {
            var name = header[c];
            if (name.Length == 0 && options.DropUnnamedColumns)
            {
                continue;
            }

            if (!seen.Add(name))
            {
                throw new ModelingDataException($"Column name '{name}' appears twice in the header.");
            }

            var column = categorical.Contains(name) ? null : TryNumeric(text, fields, c, width, rows, missing, name);
            column ??= Categorical(text, fields, c, width, rows, missing, name);
            if (options.Sentinels.TryGetValue(name, out var sentinels) && column.Kind == ColumnKind.Numeric)
            {
                var values = column.Numbers.ToArray();
                for (var r = 0; r < values.Length; r++)
                {
                    if (Array.IndexOf(sentinels, values[r]) >= 0)
                    {
                        values[r] = double.NaN;
                    }
                }

                column = TableColumn.Numeric(name, values);
            }

            columns.Add(column);
        }

        return new ModelingTable(columns);
    }

    private static TableColumn? TryNumeric(
        string text, List<int> fields, int c, int width, int rows, HashSet<string> missing, string name)
    {
        var values = new double[rows];
        for (var r = 0; r < rows; r++)
        {
            var f = ((r * width) + c) * 3;
            var span = text.AsSpan(fields[f], fields[f + 1]).Trim();
            if (fields[f + 2] != 0)
            {
                span = FieldText(text, fields[f], fields[f + 1], quoted: true).AsSpan().Trim();
            }

            if (IsMissing(span, missing))
            {
                values[r] = double.NaN;
            }
            else if (!double.TryParse(span, NumberStyles.Float, CultureInfo.InvariantCulture, out values[r])
                     || !double.IsFinite(values[r]))
            {
                return null;
            }
        }

        return TableColumn.Numeric(name, values);
    }

    private static TableColumn Categorical(
        string text, List<int> fields, int c, int width, int rows, HashSet<string> missing, string name)
    {
        var codes = new int[rows];
        var levels = new List<string>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var r = 0; r < rows; r++)
        {
            var f = ((r * width) + c) * 3;
            var value = FieldText(text, fields[f], fields[f + 1], fields[f + 2] != 0).Trim();
            if (IsMissing(value, missing))
            {
                codes[r] = -1;
                continue;
            }

            if (!index.TryGetValue(value, out var code))
            {
                code = levels.Count;
                index.Add(value, code);
                levels.Add(value);
            }

            codes[r] = code;
        }

        return TableColumn.Categorical(name, codes, levels);
    }

    private static bool IsMissing(ReadOnlySpan<char> value, HashSet<string> missing) =>
        missing.GetAlternateLookup<ReadOnlySpan<char>>().Contains(value);

    private static string FieldText(string text, int start, int length, bool quoted)
    {
        if (!quoted)
        {
            return text.Substring(start, length);
        }

        // The stored span runs between the outer quotes; a doubled quote inside stands for one.
        return text.Substring(start, length).Replace("\"\"", "\"", StringComparison.Ordinal);
    }

    private static bool ReadRecord(string text, ref int pos, char separator, List<int> fields, ref int line)
    {
        if (pos >= text.Length)
        {
            return false;
        }

        while (true)
        {
            if (pos < text.Length && text[pos] == '"')
            {
                var start = pos + 1;
                var i = start;
                while (true)
                {
                    if (i >= text.Length)
                    {
                        throw new ModelingDataException($"Line {line} has a quoted field that never closes.");
                    }

                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            i += 2;
                            continue;
                        }

                        break;
                    }

                    if (text[i] == '\n')
                    {
                        line++;
                    }

                    i++;
                }

                fields.Add(start);
                fields.Add(i - start);
                fields.Add(1);
                pos = i + 1;
                // Anything between the closing quote and the separator is ignored, as spreadsheet programs do.
                while (pos < text.Length && text[pos] != separator && text[pos] != '\n' && text[pos] != '\r')
                {
                    pos++;
                }
            }
            else
            {
                var start = pos;
                while (pos < text.Length && text[pos] != separator && text[pos] != '\n' && text[pos] != '\r')
                {
                    pos++;
                }

                fields.Add(start);
                fields.Add(pos - start);
                fields.Add(0);
            }

            if (pos < text.Length && text[pos] == separator)
            {
                pos++;
                continue;
            }

            if (pos < text.Length && text[pos] == '\r')
            {
                pos++;
            }

            if (pos < text.Length && text[pos] == '\n')
            {
                pos++;
            }

            line++;
            return true;
        }
    }
}
