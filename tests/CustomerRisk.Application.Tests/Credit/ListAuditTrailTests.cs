using System.Runtime.CompilerServices;
using CustomerRisk.Application.Credit;
using CustomerRisk.Application.Ports;

namespace CustomerRisk.Application.Tests.Credit;

/// <summary>The audit list's checks, at and beside each limit, and the query it hands the store.</summary>
public sealed class ListAuditTrailTests
{
    [Theory]
    [InlineData(1, 1, null)]
    [InlineData(0, 50, "page")]
    [InlineData(1_000_000, 50, null)]
    [InlineData(1_000_001, 50, "page")]
    [InlineData(1, 0, "page size")]
    [InlineData(1, 500, null)]
    [InlineData(1, 501, "page size")]
    public void PageAndPageSize_AreCheckedAtTheirLimits(int page, int pageSize, string? problem)
    {
        var found = ListAuditTrail.Problem(new AuditQuery { Page = page, PageSize = pageSize });

        if (problem is null)
        {
            Assert.Null(found);
        }
        else
        {
            Assert.Contains(problem, found, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ADateRange_MayBeOneDay_ButNotInverted()
    {
        var day = new DateOnly(2026, 7, 1);

        Assert.Null(ListAuditTrail.Problem(new AuditQuery { From = day, To = day }));
        Assert.Equal("The range starts (2026-07-02) after it ends (2026-07-01).",
            ListAuditTrail.Problem(new AuditQuery { From = day.AddDays(1), To = day }));
    }

    [Fact]
    public void TheRange_CoversWholeUtcDays()
    {
        var query = new AuditQuery { From = new DateOnly(2026, 7, 1), To = new DateOnly(2026, 7, 1) };

        Assert.Equal(new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero), query.FromInstant);
        Assert.Equal(new DateTimeOffset(2026, 7, 2, 0, 0, 0, TimeSpan.Zero), query.ToInstantExclusive);
    }

    [Fact]
    public void AFilterOver200Characters_IsRefused()
    {
        Assert.Null(ListAuditTrail.Problem(new AuditQuery { Actor = new string('a', 200) }));
        Assert.NotNull(ListAuditTrail.Problem(new AuditQuery { Actor = new string('a', 201) }));
    }

    [Fact]
    public async Task BlankFiltersAreDropped_AndValuesTrimmed_BeforeTheStoreIsAsked()
    {
        var trail = new RecordingTrail();

        await ListAuditTrail.HandleAsync(new AuditQuery { CustomerId = " ", Kind = " limit ", Actor = "" }, trail, default);

        Assert.Equal(new AuditQuery { CustomerId = null, Kind = "limit", Actor = null }, trail.Asked);
    }

    [Fact]
    public async Task ABadQuery_IsRefused_WithoutAskingTheStore()
    {
        var trail = new RecordingTrail();

        await Assert.ThrowsAsync<CreditRequestException>(() => ListAuditTrail.HandleAsync(new AuditQuery { Page = 0 }, trail, default));

        Assert.Null(trail.Asked);
    }

    private sealed class RecordingTrail : IAuditTrail
    {
        public AuditQuery? Asked { get; private set; }

        public Task<AuditPage> SearchAuditAsync(AuditQuery query, CancellationToken cancellationToken = default)
        {
            Asked = query;
            return Task.FromResult(new AuditPage([], 0, query.Page, query.PageSize));
        }

        public Task<AuditRecord> AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<IReadOnlyList<AuditRecord>> ListAuditAsync(string? customerId, int limit, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public async IAsyncEnumerable<AuditRecord> ReadAuditAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await Task.CompletedTask;
            yield break;
        }

        public Task<AuditHead?> ReadAuditHeadAsync(CancellationToken cancellationToken = default) => Task.FromResult<AuditHead?>(null);

        public Task<long> ReadNewestSeqAsync(IReadOnlyList<string> actions, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();
    }
}
