using CustomerRisk.Application.Import;
using FsCheck;
using FsCheck.Fluent;

namespace CustomerRisk.Application.Tests.Import;

public sealed class LedgerFieldParserTests
{
    [Theory]
    [InlineData("2026-02-28", 2026, 2, 28)]
    [InlineData("2024-02-29", 2024, 2, 29)]
    [InlineData("0001-01-01", 1, 1, 1)]
    [InlineData("9999-12-31", 9999, 12, 31)]
    public void CalendarDate_Parses(string text, int year, int month, int day)
    {
        Assert.True(LedgerFieldParser.TryParseDate(text, out var date, out _));
        Assert.Equal(new DateOnly(year, month, day), date);
    }

    [Theory]
    [InlineData("2026-02-29", true)]
    [InlineData("2026-02-30", true)]
    [InlineData("2026-04-31", true)]
    [InlineData("2026-13-01", true)]
    [InlineData("0000-01-01", true)]
    [InlineData("2026-1-01", false)]
    [InlineData("2026/01/01", false)]
    [InlineData("26-01-01", false)]
    [InlineData("2026-01-01T00:00", false)]
    [InlineData("", false)]
    public void NonDate_IsRefused_TellingWhetherOnlyTheCalendarIsWrong(string text, bool shapeIsRight)
    {
        Assert.False(LedgerFieldParser.TryParseDate(text, out _, out var shape));
        Assert.Equal(shapeIsRight, shape);
    }

    [Theory]
    [InlineData("0", "0")]
    [InlineData("12.5", "12.5")]
    [InlineData("12.50", "12.50")]
    [InlineData("-3.25", "-3.25")]
    [InlineData("+7", "7")]
    [InlineData(".5", "0.5")]
    [InlineData("5.", "5")]
    [InlineData("0.0001", "0.0001")]
    [InlineData("12.34560000", "12.3456")]
    [InlineData("000123.4000", "123.4")]
    [InlineData("999999999999999999", "999999999999999999")]
    [InlineData("12345678901234567890123.1234", "12345678901234567890123.1234")]
    public void Amount_ParsesExactly(string text, string expected)
    {
        Assert.Equal(AmountProblem.None, LedgerFieldParser.TryParseAmount(text, out var amount, out _));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), amount);
    }

    [Theory]
    [InlineData("12,50", "CommaAsDecimalSeparator")]
    [InlineData("1.234,50", "CommaAsDecimalSeparator")]
    [InlineData("1,234", "CommaAsDecimalSeparator")]
    [InlineData("1,234.50", "ThousandsSeparator")]
    [InlineData("1 234.50", "ThousandsSeparator")]
    [InlineData("12.34567", "TooManyDecimals")]
    [InlineData("abc", "NotANumber")]
    [InlineData("1e5", "NotANumber")]
    [InlineData("-", "NotANumber")]
    [InlineData(".", "NotANumber")]
    [InlineData("1.2.3", "NotANumber")]
    [InlineData("99999999999999999999999999999999", "TooLarge")]
    public void BadAmount_IsRefused_WithItsProblem(string text, string expected) =>
        Assert.Equal(expected, LedgerFieldParser.TryParseAmount(text, out _, out _).ToString());

    [Fact]
    public void AmountParsing_AgreesWithDecimalParse_OnRandomAmounts()
    {
        Prop.ForAll(
            Arb.From(Gen.Choose(-1_000_000, 1_000_000)
                .SelectMany(units => Gen.Choose(0, 9999), (units, cents) => (units, cents))
                .SelectMany(x => Gen.Choose(0, 4), (x, scale) => (x.units, x.cents, scale))),
            x =>
            {
                var fraction = x.cents.ToString("D4", System.Globalization.CultureInfo.InvariantCulture)[..x.scale];
                var text = fraction.Length == 0 ? $"{x.units}" : $"{x.units}.{fraction}";
                var expected = decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
                return LedgerFieldParser.TryParseAmount(text, out var amount, out _) == AmountProblem.None
                    && amount == expected;
            }).QuickCheckThrowOnFailure();
    }
}
