using System.Text;

namespace CustomerRisk.Application.Demo;

/// <summary>A growable UTF-8 buffer that formats CSV fields straight into bytes: ISO dates, money from whole cents
/// with '.' and two decimals, zero-padded ids, and RFC 4180 quoting for text that needs it. Millions of rows pass
/// through here, so nothing allocates per row.</summary>
internal sealed class CsvRowBuffer
{
    private byte[] _data;
    private int _length;
    private bool _rowStarted;

    public CsvRowBuffer(int capacity = 1 << 16) => _data = new byte[capacity];

    /// <summary>Rows completed since the last <see cref="Clear"/>.</summary>
    public int Rows { get; private set; }

    public ReadOnlySpan<byte> Written => _data.AsSpan(0, _length);

    public ReadOnlyMemory<byte> WrittenMemory => _data.AsMemory(0, _length);

    public void Clear()
    {
        _length = 0;
        Rows = 0;
        _rowStarted = false;
    }

    /// <summary>Ends the current row with a line feed.</summary>
    public void EndRow()
    {
        Ensure(1);
        _data[_length++] = (byte)'\n';
        _rowStarted = false;
        Rows++;
    }

    /// <summary>Writes a header row of plain column names.</summary>
    public void Header(params string[] columns)
    {
        foreach (var column in columns)
        {
            Text(column);
        }

        EndRow();
        Rows--;
    }

    /// <summary>An empty field.</summary>
    public void Empty() => Separator();

    /// <summary>Text, quoted when it holds a comma, a quote or a line break (RFC 4180).</summary>
    public void Text(string? value)
    {
        Separator();
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            Raw(value);
            return;
        }

        Ensure(1);
        _data[_length++] = (byte)'"';
        foreach (var part in value.Split('"'))
        {
            Raw(part);
            Ensure(2);
            _data[_length++] = (byte)'"';
            _data[_length++] = (byte)'"';
        }

        // The loop wrote one doubled quote too many after the last part; keep a single closing quote.
        _length--;
    }

    /// <summary>ASCII text known to need no quoting (codes, fixed words).</summary>
    public void Code(ReadOnlySpan<byte> ascii)
    {
        Separator();
        Ensure(ascii.Length);
        ascii.CopyTo(_data.AsSpan(_length));
        _length += ascii.Length;
    }

    /// <summary>Appends ASCII to the field just written (no separator): a suffix to an id.</summary>
    public void Continue(ReadOnlySpan<byte> ascii)
    {
        Ensure(ascii.Length);
        ascii.CopyTo(_data.AsSpan(_length));
        _length += ascii.Length;
    }

    /// <summary>An id made of an ASCII prefix and zero-padded numbers: <c>INV-000123-00042</c>.</summary>
    public void Id(ReadOnlySpan<byte> prefix, long first, int firstWidth, long second = -1, int secondWidth = 0)
    {
        Separator();
        Ensure(prefix.Length + 42);
        prefix.CopyTo(_data.AsSpan(_length));
        _length += prefix.Length;
        Padded(first, firstWidth);
        if (second >= 0)
        {
            _data[_length++] = (byte)'-';
            Padded(second, secondWidth);
        }
    }

    /// <summary>An ISO date <c>yyyy-MM-dd</c> from a day number (<see cref="DateOnly.DayNumber"/>).</summary>
    public void Date(int dayNumber)
    {
        Separator();
        Ensure(10);
        var (year, month, day) = DateOnly.FromDayNumber(dayNumber);
        var span = _data.AsSpan(_length, 10);
        span[0] = (byte)('0' + year / 1000);
        span[1] = (byte)('0' + year / 100 % 10);
        span[2] = (byte)('0' + year / 10 % 10);
        span[3] = (byte)('0' + year % 10);
        span[4] = (byte)'-';
        span[5] = (byte)('0' + month / 10);
        span[6] = (byte)('0' + month % 10);
        span[7] = (byte)'-';
        span[8] = (byte)('0' + day / 10);
        span[9] = (byte)('0' + day % 10);
        _length += 10;
    }

    /// <summary>Money from whole cents: <c>-1234.05</c>, '.' as separator, exactly two decimals.</summary>
    public void Cents(long cents)
    {
        Separator();
        Ensure(24);
        if (cents < 0)
        {
            _data[_length++] = (byte)'-';
            cents = -cents;
        }

        Digits(cents / 100);
        var fraction = (int)(cents % 100);
        _data[_length++] = (byte)'.';
        _data[_length++] = (byte)('0' + fraction / 10);
        _data[_length++] = (byte)('0' + fraction % 10);
    }

    /// <summary>An integer.</summary>
    public void Integer(long value)
    {
        Separator();
        Ensure(21);
        if (value < 0)
        {
            _data[_length++] = (byte)'-';
            value = -value;
        }

        Digits(value);
    }

    private void Separator()
    {
        if (_rowStarted)
        {
            Ensure(1);
            _data[_length++] = (byte)',';
        }

        _rowStarted = true;
    }

    private void Raw(string text)
    {
        Ensure(Encoding.UTF8.GetMaxByteCount(text.Length));
        _length += Encoding.UTF8.GetBytes(text, _data.AsSpan(_length));
    }

    private void Digits(long value)
    {
        var count = 1;
        for (var rest = value / 10; rest > 0; rest /= 10)
        {
            count++;
        }

        Padded(value, count);
    }

    private void Padded(long value, int width)
    {
        var end = _length + width;
        for (var i = end - 1; i >= _length; i--)
        {
            _data[i] = (byte)('0' + value % 10);
            value /= 10;
        }

        _length = end;
    }

    private void Ensure(int extra)
    {
        if (_length + extra <= _data.Length)
        {
            return;
        }

        Array.Resize(ref _data, Math.Max(_data.Length * 2, _length + extra));
    }
}
