using CustomerRisk.Application.Ports;

namespace CustomerRisk.Application.Credit;

/// <summary>Which audit records to list: every filter is optional and they combine with AND; newest first.</summary>
public sealed record AuditQuery
{
    /// <summary>Most records on one page.</summary>
    public const int MaxPageSize = 500;

    /// <summary>Only records of this customer.</summary>
    public string? CustomerId { get; init; }

    /// <summary>Only this action, or a family of actions: <c>limit</c> matches <c>limit</c>, <c>limit.grant</c> and
    /// <c>limit.temporary</c>; <c>limit.grant</c> only itself.</summary>
    public string? Kind { get; init; }

    /// <summary>Only records made by this actor (a user name or a command such as <c>crisk import</c>), exactly.</summary>
    public string? Actor { get; init; }

    /// <summary>Only records appended on or after this day (UTC).</summary>
    public DateOnly? From { get; init; }

    /// <summary>Only records appended on or before this day (UTC).</summary>
    public DateOnly? To { get; init; }

    /// <summary>Page number, 1 or more.</summary>
    public int Page { get; init; } = 1;

    /// <summary>Records a page, 1–<see cref="MaxPageSize"/>.</summary>
    public int PageSize { get; init; } = 50;

    /// <summary>The first instant of <see cref="From"/>, UTC.</summary>
    public DateTimeOffset? FromInstant => From is { } d ? new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null;

    /// <summary>The first instant after <see cref="To"/>, UTC (the range ends before it).</summary>
    public DateTimeOffset? ToInstantExclusive => To is { } d ? new DateTimeOffset(d.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null;
}

/// <summary>One page of audit records.</summary>
/// <param name="Items">The records, newest (highest sequence number) first.</param>
/// <param name="Total">Records matching the filters, on every page.</param>
/// <param name="Page">This page's number.</param>
/// <param name="PageSize">Records a page.</param>
public sealed record AuditPage(IReadOnlyList<AuditRecord> Items, long Total, int Page, int PageSize);

/// <summary>`crisk audit list` and GET /api/audit: the audit trail filtered by customer, kind of action, actor and date
/// range, a page at a time. Reading never changes the chain.</summary>
public static class ListAuditTrail
{
    /// <summary>Checks the query and reads one page.</summary>
    /// <exception cref="CreditRequestException">A filter is out of range (page, page size, an inverted date range, a
    /// filter value over 200 characters).</exception>
    public static async Task<AuditPage> HandleAsync(AuditQuery query, IAuditTrail trail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(trail);
        if (Problem(query) is { } problem)
        {
            throw new CreditRequestException(problem);
        }

        return await trail.SearchAuditAsync(query with
        {
            CustomerId = Blank(query.CustomerId),
            Kind = Blank(query.Kind),
            Actor = Blank(query.Actor),
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>What is wrong with a query, in words, or null when it can be run.</summary>
    public static string? Problem(AuditQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Page is < 1 or > 1_000_000)
        {
            return "The page is 1 or more.";
        }

        if (query.PageSize is < 1 or > AuditQuery.MaxPageSize)
        {
            return $"The page size is 1–{AuditQuery.MaxPageSize}.";
        }

        if (query.From is { } from && query.To is { } to && from > to)
        {
            return $"The range starts ({from:yyyy-MM-dd}) after it ends ({to:yyyy-MM-dd}).";
        }

        if (query.CustomerId is { Length: > 200 } || query.Kind is { Length: > 200 } || query.Actor is { Length: > 200 })
        {
            return "A filter value has at most 200 characters.";
        }

        return null;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
