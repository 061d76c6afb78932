using System.Text;

namespace CustomerRisk.Application.Import;

/// <summary>Writes rejected rows unchanged (their fields re-quoted per RFC 4180) with the columns line, column and
/// reason added. It writes to a temporary file; the import moves it beside the imported file only after the store
/// committed, so a refused or failed import leaves no rejects file behind.</summary>
internal sealed class RejectsWriter : IDisposable
{
    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly StreamWriter _writer;
    private readonly int _width;

    public RejectsWriter(IReadOnlyList<string> header)
    {
        _width = header.Count;
        TemporaryPath = Path.Combine(Path.GetTempPath(), $"crisk-rejects-{Guid.NewGuid():N}.csv");
        _writer = new StreamWriter(TemporaryPath, append: false, s_utf8, 1 << 16) { NewLine = "\r\n" };
        WriteRecord(header, "line", "column", "reason");
    }

    /// <summary>Where the rejects are written until the import commits.</summary>
    public string TemporaryPath { get; }

    public void Write(IReadOnlyList<string> fields, long line, string column, string reason) =>
        WriteRecord(fields, line.ToString(System.Globalization.CultureInfo.InvariantCulture), column, reason);

    public void Dispose() => _writer.Dispose();

    private void WriteRecord(IReadOnlyList<string> fields, string line, string column, string reason)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            WriteField(fields[i]);
            _writer.Write(',');
        }

        // A short row is padded to the header's width so line, column and reason stay under their headings.
        for (var i = fields.Count; i < _width; i++)
        {
            _writer.Write(',');
        }

        WriteField(line);
        _writer.Write(',');
        WriteField(column);
        _writer.Write(',');
        WriteField(reason);
        _writer.Write(_writer.NewLine);
    }

    private void WriteField(string field)
    {
        if (field.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            _writer.Write(field);
            return;
        }

        _writer.Write('"');
        _writer.Write(field.Replace("\"", "\"\"", StringComparison.Ordinal));
        _writer.Write('"');
    }
}
