using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace CustomerRisk.Application.Import;

/// <summary>A CSV import file: UTF-8 (a BOM is skipped), comma, RFC 4180 quoting, one header row. Read with
/// CsvHelper's raw parser, fields by index, no reflection mapping.</summary>
internal sealed class CsvLedgerSource : LedgerFileSource
{
    private const int BufferSize = 1 << 16;

    // Throwing on invalid bytes turns a file that is not UTF-8 into a refusal instead of silent U+FFFD.
    // The identifier (BOM) flag makes StreamReader skip a UTF-8 BOM; a UTF-16 BOM is invalid UTF-8 and is refused.
    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: true, throwOnInvalidBytes: true);

    private readonly StreamReader _reader;
    private readonly CsvParser _parser;
    private readonly string[] _header;
    private long _lastRawRow;
    private long _line;
    private bool _malformed;

    private CsvLedgerSource(string path)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize,
            FileOptions.SequentialScan);
        _reader = new StreamReader(stream, s_strictUtf8, detectEncodingFromByteOrderMarks: false, BufferSize);
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = ",",
            DetectDelimiter = false,
            HasHeaderRecord = false,
            IgnoreBlankLines = false,
            Mode = CsvMode.RFC4180,
            TrimOptions = TrimOptions.None,
            BufferSize = BufferSize,
            CacheFields = false,
            BadDataFound = _ => _malformed = true,
        };
        _parser = new CsvParser(_reader, configuration);
        _header = ReadRow() ? ReadAll() : [];
    }

    public override IReadOnlyList<string> Header => _header;

    public override long Line => _line;

    public override bool RowIsMalformed => _malformed;

    /// <summary>Opens a CSV file and reads its header; an empty file has an empty header.</summary>
    public static CsvLedgerSource Open(string path) => new(path);

    public override bool Read() => ReadRow();

    public override string Field(int index) => index < _parser.Count ? _parser[index] : string.Empty;

    public override IReadOnlyList<string> RawRecord() => ReadAll();

    public override void Dispose()
    {
        _parser.Dispose();
        _reader.Dispose();
    }

    private bool ReadRow()
    {
        while (true)
        {
            _malformed = false;
            if (!_parser.Read())
            {
                return false;
            }

            // A record starts on the line after the previous one ended (RawRow counts physical lines, so a quoted
            // field spanning lines is numbered by its first line, as a clerk sees it in an editor).
            _line = _lastRawRow + 1;
            _lastRawRow = _parser.RawRow;
            if (!IsBlank())
            {
                return true;
            }
        }
    }

    // Blank lines, and rows of nothing but commas (spreadsheets export those), are not rows.
    private bool IsBlank()
    {
        if (_parser[0].Length != 0)
        {
            return false;
        }

        for (var i = 1; i < _parser.Count; i++)
        {
            if (_parser[i].Length != 0)
            {
                return false;
            }
        }

        return true;
    }

    private string[] ReadAll()
    {
        var fields = new string[_parser.Count];
        for (var i = 0; i < fields.Length; i++)
        {
            fields[i] = _parser[i];
        }

        return fields;
    }
}
