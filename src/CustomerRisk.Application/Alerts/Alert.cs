using System.Text.Json.Serialization;

namespace CustomerRisk.Application.Alerts;

/// <summary>An early-warning alert of one customer and one rule, from the first assessment that fired it until it is
/// resolved. At most one alert per customer and rule is open or acknowledged at a time.</summary>
public sealed record Alert
{
    /// <summary>The alert's id, given by the store; 0 before it is saved.</summary>
    public long AlertId { get; init; }

    /// <summary>The customer.</summary>
    public required string CustomerId { get; init; }

    /// <summary>The early-warning rule's id (e.g. <c>overdue_share_high</c>), or <c>cover_expiring</c>.</summary>
    [JsonPropertyName("rule")]
    public required string RuleId { get; init; }

    /// <summary>The metric the rule reads (e.g. <c>overdue_share</c>).</summary>
    public required string Metric { get; init; }

    /// <summary>The rule's threshold; null for a yes/no rule.</summary>
    public decimal? Threshold { get; init; }

    /// <summary>The figure at the latest assessment that fired it, to 4 decimals.</summary>
    public required decimal Value { get; init; }

    /// <summary>The customer's risk-matrix severity at the latest firing: <c>low</c>, <c>medium</c>, <c>high</c>,
    /// <c>extreme</c>.</summary>
    public required string Severity { get; init; }

    /// <summary>The firing in words ("overdue_share_high: overdue_share 0.25 gt 0.2").</summary>
    public required string Message { get; init; }

    /// <summary>As-of date of the first assessment that fired it.</summary>
    public required DateOnly FirstSeen { get; init; }

    /// <summary>As-of date of the latest assessment that fired it.</summary>
    public required DateOnly LastSeen { get; init; }

    /// <summary>Open, acknowledged or resolved.</summary>
    public required AlertStatus Status { get; init; }

    /// <summary>Who acknowledged it.</summary>
    public string? AcknowledgedBy { get; init; }

    /// <summary>When it was acknowledged.</summary>
    public DateTimeOffset? AcknowledgedAt { get; init; }

    /// <summary>The note given on acknowledging.</summary>
    public string? AcknowledgeNote { get; init; }

    /// <summary>Who resolved it; null when it resolved itself.</summary>
    public string? ResolvedBy { get; init; }

    /// <summary>When it was resolved (the clock of the run or of the person).</summary>
    public DateTimeOffset? ResolvedAt { get; init; }

    /// <summary>The as-of date of the assessment that found it cleared, or the date a person resolved it.</summary>
    public DateOnly? ResolvedOn { get; init; }

    /// <summary>Why it was resolved: <c>cleared</c> when the condition no longer fires, else the person's note.</summary>
    public string? Resolution { get; init; }

    /// <summary>True while open or acknowledged.</summary>
    [JsonIgnore]
    public bool IsActive => Status != AlertStatus.Resolved;
}
