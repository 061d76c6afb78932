using CustomerRisk.Server.Apis;
using FsCheck;
using FsCheck.Fluent;

namespace CustomerRisk.Server.Tests;

/// <summary>The paging of the alert list, the due list and the worklist.</summary>
public sealed class ListPageTests
{
    [Fact]
    public void Pages_CoverEveryRowOnceInOrder_ForAnyLengthAndPageSize()
    {
        Prop.ForAll(Gen.Choose(0, 300).ToArbitrary(), Gen.Choose(1, 500).ToArbitrary(), (length, size) =>
        {
            var rows = Enumerable.Range(0, length).ToArray();
            var seen = new List<int>();
            var pages = Math.Max(1, (length + size - 1) / size);
            for (var page = 1; page <= pages + 1; page++)
            {
                var one = OperationsAccess.PageOf(rows, page, size);
                if (one.Total != length || one.Page != page || one.PageSize != size || one.Items.Count > size)
                {
                    return false;
                }

                seen.AddRange(one.Items);
            }

            return seen.SequenceEqual(rows);
        }).QuickCheckThrowOnFailure();
    }

    [Theory]
    [InlineData(7, 3, 1, new[] { 0, 1, 2 })]
    [InlineData(7, 3, 3, new[] { 6 })]
    [InlineData(7, 3, 4, new int[0])]
    [InlineData(0, 50, 1, new int[0])]
    public void Page_HoldsTheRowsOfItsPlace(int length, int size, int page, int[] expected)
    {
        var one = OperationsAccess.PageOf(Enumerable.Range(0, length).ToArray(), page, size);

        Assert.Equal(expected, one.Items);
        Assert.Equal(length, one.Total);
    }

    [Fact]
    public void AFarPage_IsEmpty_NotAnOverflow()
    {
        var one = OperationsAccess.PageOf(new[] { 1, 2, 3 }, 1_000_000, 500);

        Assert.Empty(one.Items);
        Assert.Equal(3, one.Total);
    }
}
