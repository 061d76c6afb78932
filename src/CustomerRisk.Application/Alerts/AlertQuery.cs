namespace CustomerRisk.Application.Alerts;

/// <summary>One page of the alert queue, filtered in the store: every filter is optional and they combine with AND.</summary>
/// <param name="Status">Only alerts in this status; null for all.</param>
/// <param name="CustomerId">Only this customer's.</param>
/// <param name="Severity">Only this severity code (<c>low</c>, <c>medium</c>, <c>high</c>, <c>extreme</c>).</param>
/// <param name="RuleId">Only this rule's.</param>
/// <param name="SalesOwner">Only the alerts of customers whose sales owner this is (a sales user's scope).</param>
/// <param name="Page">The page, from 1.</param>
/// <param name="PageSize">Rows a page, 1–500.</param>
public sealed record AlertQuery(AlertStatus? Status = AlertStatus.Open, string? CustomerId = null, string? Severity = null,
    string? RuleId = null, string? SalesOwner = null, int Page = 1, int PageSize = 50)
{
    /// <summary>Rows skipped before the page.</summary>
    public long Offset => (long)(Page - 1) * PageSize;
}

/// <summary>A page of the alert queue, in the queue's order (<see cref="ListAlerts"/>), and how many alerts match in all.</summary>
public sealed record AlertPage(IReadOnlyList<Alert> Items, int Total);
