using FsCheck;
using FsCheck.Fluent;

namespace CustomerRisk.Storage.Tests;

public sealed class StoredAmountTests
{
    private static readonly Gen<decimal> StorableAmounts =
        from units in Gen.Choose(-999_999_999, 999_999_999)
        from scale in Gen.Choose(0, 10_000)
        from decimals in Gen.Elements(0, 1, 2, 3, 4)
        from shift in Gen.Elements(1m, 1_000m, 100_000m)
        select decimal.Round(units * shift / 10_000m * scale / 10_000m, decimals);

    [Fact]
    public void ScaledIntegers_GiveBackEveryStorableAmountExactly()
    {
        Prop.ForAll(Arb.From(StorableAmounts), amount =>
            StoredAmount.IsStorable(amount) && StoredAmount.FromScaled(StoredAmount.ToScaled(amount, "t")) == amount)
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void ScaledIntegers_ReadBackWithoutTrailingZeros()
    {
        Prop.ForAll(Arb.From(StorableAmounts), amount =>
        {
            var text = StoredAmount.FromScaled(StoredAmount.ToScaled(amount, "t")).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return !text.Contains('.', StringComparison.Ordinal) || !text.EndsWith('0');
        }).QuickCheckThrowOnFailure();
    }

    [Theory]
    [InlineData("0.0001")]
    [InlineData("-0.0001")]
    [InlineData("99999999999999.9999")]
    [InlineData("-99999999999999.9999")]
    [InlineData("1.50000000")]
    public void IsStorable_AcceptsAtMostFourDecimalsBelowTenToTheFourteenth(string text)
    {
        var amount = decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

        Assert.True(StoredAmount.IsStorable(amount));
        Assert.Null(StoredAmount.Problem(amount));
        Assert.Equal(amount, StoredAmount.FromScaled(StoredAmount.ToScaled(amount, "t")));
    }

    [Theory]
    [InlineData("0.00001", "more than 4 decimals")]
    [InlineData("1.23456", "more than 4 decimals")]
    [InlineData("100000000000000", "too large")]
    [InlineData("-100000000000000", "too large")]
    [InlineData("79228162514264337593543950335", "too large")]
    public void IsStorable_RefusesWhatItCannotKeepExactly_AndSaysWhy(string text, string reason)
    {
        var amount = decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

        Assert.False(StoredAmount.IsStorable(amount));
        Assert.Contains(reason, StoredAmount.Problem(amount), StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => StoredAmount.ToScaled(amount, "t"));
    }

    [Fact]
    public void FromScaled_OfTheLargestAndSmallestLongs_IsExact()
    {
        Assert.Equal(922_337_203_685_477.5807m, StoredAmount.FromScaled(long.MaxValue));
        Assert.Equal(-922_337_203_685_477.5808m, StoredAmount.FromScaled(long.MinValue));
    }
}
