using System.Text;
using CustomerRisk.Application.Demo;
using FsCheck;
using FsCheck.Fluent;

namespace CustomerRisk.Application.Tests.Demo;

public sealed class CsvRowBufferTests
{
    [Theory]
    [InlineData(0L, "0.00")]
    [InlineData(5L, "0.05")]
    [InlineData(123456L, "1234.56")]
    [InlineData(-1005L, "-10.05")]
    [InlineData(100L, "1.00")]
    public void Cents_AreWrittenWithAPointAndTwoDecimals(long cents, string expected)
    {
        var buffer = new CsvRowBuffer(4);
        buffer.Cents(cents);

        Assert.Equal(expected, Text(buffer));
    }

    [Fact]
    public void Cents_RoundTripThroughDecimal() =>
        Prop.ForAll(ArbMap.Default.ArbFor<long>().Filter(c => c > long.MinValue), cents =>
        {
            var buffer = new CsvRowBuffer(4);
            buffer.Cents(cents);
            return decimal.Parse(Text(buffer), System.Globalization.CultureInfo.InvariantCulture) == cents / 100m;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Dates_AreIsoForEveryDay() =>
        Prop.ForAll(Gen.Choose(DateOnly.MinValue.DayNumber, DateOnly.MaxValue.DayNumber).ToArbitrary(), day =>
        {
            var buffer = new CsvRowBuffer(4);
            buffer.Date(day);
            return Text(buffer) == DateOnly.FromDayNumber(day).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        }).QuickCheckThrowOnFailure();

    [Theory]
    [InlineData("Acme", "Acme")]
    [InlineData("Smith, Jones & Partners", "\"Smith, Jones & Partners\"")]
    [InlineData("The \"Blue\" Company", "\"The \"\"Blue\"\" Company\"")]
    [InlineData("\"", "\"\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("Müller Bau GmbH", "Müller Bau GmbH")]
    [InlineData("", "")]
    public void Text_IsQuotedOnlyWhenRfc4180NeedsIt(string value, string expected)
    {
        var buffer = new CsvRowBuffer(2);
        buffer.Text(value);

        Assert.Equal(expected, Text(buffer));
    }

    [Fact]
    public void Row_SeparatesFieldsAndEndsWithALineFeed()
    {
        var buffer = new CsvRowBuffer(2);
        buffer.Id("INV-"u8, 123, 6, 42, 5);
        buffer.Continue("-X"u8);
        buffer.Empty();
        buffer.Integer(-30);
        buffer.Code("open"u8);
        buffer.EndRow();
        buffer.Id("C"u8, 7, 6);
        buffer.EndRow();

        Assert.Equal("INV-000123-00042-X,,-30,open\nC000007\n", Text(buffer));
        Assert.Equal(2, buffer.Rows);
        buffer.Clear();
        Assert.Equal(0, buffer.Rows);
        Assert.Equal("", Text(buffer));
    }

    [Fact]
    public void Header_IsNotCountedAsADataRow()
    {
        var buffer = new CsvRowBuffer();
        buffer.Header("a", "b");

        Assert.Equal("a,b\n", Text(buffer));
        Assert.Equal(0, buffer.Rows);
    }

    private static string Text(CsvRowBuffer buffer) => Encoding.UTF8.GetString(buffer.Written);
}
