using CustomerRisk.Application.Credit;
using CustomerRisk.Application.Ports;
using FsCheck;
using FsCheck.Fluent;

namespace CustomerRisk.Application.Tests.Credit;

public sealed class EffectiveLimitTests
{
    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    private static LimitGrant Grant(long id, decimal amount, string from, string? to = null, LimitKind kind = LimitKind.Standing) => new()
    {
        Id = id, CustomerId = "C1", Amount = amount, Kind = kind, ValidFrom = D(from), ValidTo = to is null ? null : D(to),
        Approver = "Maria", Reason = "test", GrantedAt = DateTimeOffset.UnixEpoch,
    };

    private static readonly LimitGrant[] s_grants =
    [
        Grant(1, 20_000m, "2026-01-01"),
        Grant(2, 50_000m, "2026-12-01", "2026-12-31", LimitKind.Temporary),
    ];

    [Theory]
    [InlineData("2026-11-30", 20_000, LimitSource.Granted)]
    [InlineData("2026-12-01", 50_000, LimitSource.Temporary)]
    [InlineData("2026-12-31", 50_000, LimitSource.Temporary)]
    [InlineData("2027-01-01", 20_000, LimitSource.Granted)]
    public void TemporaryLimit_AppliesFromItsFirstThroughItsLastDay(string asOf, int expected, LimitSource source)
    {
        var limit = EffectiveLimit.On(s_grants, 5_000m, D(asOf));

        Assert.Equal(((decimal?)expected, source), (limit.Amount, limit.Source));
    }

    [Fact]
    public void BeforeAnyGrantStarts_TheImportedCreditLimitApplies()
    {
        var limit = EffectiveLimit.On(s_grants, 5_000m, D("2025-12-31"));

        Assert.Equal((5_000m, LimitSource.Imported, (LimitGrant?)null), (limit.Amount!.Value, limit.Source, limit.Grant));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    public void WithoutGrantsOrAPositiveImportedLimit_ThereIsNone(int? imported)
    {
        var limit = EffectiveLimit.On([], imported, D("2026-06-30"));

        Assert.Equal(((decimal?)null, LimitSource.None), (limit.Amount, limit.Source));
    }

    [Fact]
    public void AGrantedZero_IsALimitOfZero()
    {
        var limit = EffectiveLimit.On([Grant(1, 0m, "2026-01-01")], 5_000m, D("2026-06-30"));

        Assert.Equal((0m, LimitSource.Granted), (limit.Amount!.Value, limit.Source));
    }

    [Fact]
    public void TheLatestGrantValidOnTheDate_Wins_NotTheLatestStart()
    {
        LimitGrant[] grants =
        [
            Grant(1, 20_000m, "2026-03-01"),
            Grant(2, 15_000m, "2026-01-01"),          // granted later, starting earlier: it replaces the first
            Grant(3, 40_000m, "2026-09-01", "2026-10-31"), // a standing limit with an end
        ];

        Assert.Equal(15_000m, EffectiveLimit.On(grants, null, D("2026-06-30")).Amount);
        Assert.Equal(40_000m, EffectiveLimit.On(grants, null, D("2026-10-31")).Amount);
        Assert.Equal(15_000m, EffectiveLimit.On(grants, null, D("2026-11-01")).Amount);
    }

    [Fact]
    public void ATemporaryLimit_NeverAppliesOutsideItsDates()
    {
        Prop.ForAll(Gen.Choose(-400, 400).ToArbitrary(), Gen.Choose(0, 60).ToArbitrary(), Gen.Choose(-100, 500).ToArbitrary(),
            (startOffset, length, dayOffset) =>
            {
                var start = D("2026-06-01").AddDays(startOffset);
                var end = start.AddDays(length);
                var day = D("2026-06-01").AddDays(dayOffset);
                var temporary = Grant(2, 99_000m, start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                    end.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), LimitKind.Temporary);
                var limit = EffectiveLimit.On([Grant(1, 10_000m, "2020-01-01"), temporary], null, day);
                var inside = start <= day && day <= end;
                return inside == (limit.Source == LimitSource.Temporary) && limit.Amount == (inside ? 99_000m : 10_000m);
            }).QuickCheckThrowOnFailure();
    }
}
