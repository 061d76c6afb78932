using System.Globalization;
using System.Text;
using ExcelDataReader;

namespace CustomerRisk.Application.Import;

/// <summary>An .xlsx import file: the first sheet, the same header as the CSV in its first row. Cells are turned into
/// the text the CSV would hold, so both formats go through the same checks and give the same records: a date cell
/// becomes yyyy-MM-dd; a number becomes the decimal whose text is the shortest that round-trips the cell's double
/// (what Excel shows at full precision), so 1234.5 stays 1234.5 and never 1234.49999999.</summary>
internal sealed class XlsxLedgerSource : LedgerFileSource
{
    private readonly FileStream _stream;
    private readonly IExcelDataReader _reader;
    private readonly string[] _header;
    private string[] _row = [];
    private long _sheetRow;
    private long _line;

    static XlsxLedgerSource()
    {
        // ExcelDataReader looks up legacy code pages even for .xlsx on some paths; .NET has them only when registered.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    private XlsxLedgerSource(string path)
    {
        _stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        try
        {
            _reader = ExcelReaderFactory.CreateOpenXmlReader(_stream);
            _header = ReadRow() ? _row : [];
        }
        catch
        {
            _stream.Dispose();
            throw;
        }
    }

    public override IReadOnlyList<string> Header => _header;

    public override long Line => _line;

    public override bool RowIsMalformed => false;

    /// <summary>Opens a workbook and reads its first sheet's header; throws when the file is not a workbook.</summary>
    public static XlsxLedgerSource Open(string path) => new(path);

    public override bool Read() => ReadRow();

    public override string Field(int index) => index < _row.Length ? _row[index] : string.Empty;

    public override IReadOnlyList<string> RawRecord() => _row;

    public override void Dispose()
    {
        _reader.Dispose();
        _stream.Dispose();
    }

    /// <summary>The text of a cell as the CSV would carry it.</summary>
    public static string CellText(object? value) => value switch
    {
        null => string.Empty,
        string text => text,
        double number => NumberText(number),
        DateTime moment when moment.TimeOfDay == TimeSpan.Zero =>
            moment.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime moment => moment.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
        bool flag => flag ? "TRUE" : "FALSE",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static string NumberText(double number)
    {
        // "R" is the shortest text that round-trips the double; through decimal it loses any exponent form.
        var shortest = number.ToString("R", CultureInfo.InvariantCulture);
        return decimal.TryParse(shortest, NumberStyles.Float, CultureInfo.InvariantCulture, out var exact)
            ? exact.ToString(CultureInfo.InvariantCulture)
            : shortest;
    }

    private bool ReadRow()
    {
        while (_reader.Read())
        {
            _sheetRow++;
            var count = _reader.FieldCount;
            var row = new string[count];
            var blank = true;
            for (var i = 0; i < count; i++)
            {
                row[i] = CellText(_reader.GetValue(i));
                blank &= row[i].Length == 0;
            }

            if (!blank)
            {
                _row = row;
                _line = _sheetRow;
                return true;
            }
        }

        return false;
    }
}
