using System.Text.Json;
using CustomerRisk.Application.Alerts;
using CustomerRisk.Application.Collateral;
using CustomerRisk.Application.Collections;
using CustomerRisk.Application.Operations;
using CustomerRisk.Application.Reviews;
using CustomerRisk.Application.Webhooks;

namespace CustomerRisk.Storage.Operations;

/// <summary>Rows to records and back. Instants are stored in UTC (timestamptz takes no other offset).</summary>
internal static class OperationMapping
{
    public static Alert ToAlert(AlertEntity e) => new()
    {
        AlertId = e.AlertId,
        CustomerId = e.CustomerId,
        RuleId = e.RuleId,
        Metric = e.Metric,
        Threshold = e.Threshold,
        Value = e.Value,
        Severity = e.Severity,
        Message = e.Message,
        FirstSeen = e.FirstSeen,
        LastSeen = e.LastSeen,
        Status = OperationCodes.Parse<AlertStatus>(e.Status, "alerts.status"),
        AcknowledgedBy = e.AcknowledgedBy,
        AcknowledgedAt = e.AcknowledgedAt,
        AcknowledgeNote = e.AcknowledgeNote,
        ResolvedBy = e.ResolvedBy,
        ResolvedAt = e.ResolvedAt,
        ResolvedOn = e.ResolvedOn,
        Resolution = e.Resolution,
    };

    public static AlertEntity ToEntity(Alert a) => new()
    {
        AlertId = a.AlertId,
        CustomerId = a.CustomerId,
        RuleId = a.RuleId,
        Metric = a.Metric,
        Threshold = a.Threshold,
        Value = a.Value,
        Severity = a.Severity,
        Message = a.Message,
        FirstSeen = a.FirstSeen,
        LastSeen = a.LastSeen,
        Status = OperationCodes.ToCode(a.Status),
        AcknowledgedBy = a.AcknowledgedBy,
        AcknowledgedAt = Utc(a.AcknowledgedAt),
        AcknowledgeNote = a.AcknowledgeNote,
        ResolvedBy = a.ResolvedBy,
        ResolvedAt = Utc(a.ResolvedAt),
        ResolvedOn = a.ResolvedOn,
        Resolution = a.Resolution,
    };

    public static WebhookSubscription ToSubscription(WebhookSubscriptionEntity e) => new()
    {
        SubscriptionId = e.SubscriptionId,
        Url = e.Url,
        Events = e.Events.Split(',', StringSplitOptions.RemoveEmptyEntries),
        Secret = e.Secret,
        Active = e.Active,
        CreatedAt = e.CreatedAt,
    };

    public static WebhookDelivery ToDelivery(WebhookDeliveryEntity e, WebhookSubscriptionEntity s) => new()
    {
        DeliveryId = e.DeliveryId,
        SubscriptionId = e.SubscriptionId,
        Url = s.Url,
        Secret = s.Secret,
        CustomerId = e.CustomerId,
        EventType = e.EventType,
        Payload = e.Payload,
        Status = e.Status,
        Attempts = e.Attempts,
        CreatedAt = e.CreatedAt,
        NextAttemptAt = e.NextAttemptAt,
        DeliveredAt = e.DeliveredAt,
        LastError = e.LastError,
        AttemptsBeforeRetry = e.AttemptsBeforeRetry,
    };

    public static WebhookAttempt ToAttempt(WebhookAttemptEntity a) => new(a.DeliveryId, a.Attempt, a.AttemptedAt, a.StatusCode, a.Error, a.DurationMs);

    /// <summary>A delivery as an administrator sees it; the payload only when <paramref name="withPayload"/> (one delivery).</summary>
    public static WebhookDeliveryDetail ToDetail(WebhookDeliveryEntity e, bool subscriptionActive, IReadOnlyList<WebhookAttempt> attempts,
        bool withPayload) => new()
    {
        DeliveryId = e.DeliveryId,
        SubscriptionId = e.SubscriptionId,
        SubscriptionActive = subscriptionActive,
        EventType = e.EventType,
        CustomerId = e.CustomerId,
        AlertId = WebhookPayload.AlertIdOf(e.Payload),
        Status = e.Status,
        AttemptCount = e.Attempts,
        AttemptsBeforeRetry = e.AttemptsBeforeRetry,
        CreatedAt = e.CreatedAt,
        NextAttemptAt = e.Status == WebhookDeliveryStatus.Pending ? e.NextAttemptAt : null,
        DeliveredAt = e.DeliveredAt,
        LastError = e.LastError,
        Attempts = attempts,
        Payload = withPayload ? e.Payload : null,
    };

    public static CreditReview ToReview(CreditReviewEntity e) => new()
    {
        ReviewId = e.ReviewId,
        CustomerId = e.CustomerId,
        ReviewedOn = e.ReviewedOn,
        Reviewer = e.Reviewer,
        Decision = OperationCodes.Parse<ReviewDecision>(e.Decision, "credit_reviews.decision"),
        Reason = e.Reason,
        NewLimit = e.NewLimit,
        NewTermsDays = e.NewTermsDays,
        Snapshot = Read<ReviewSnapshot>(e.Snapshot, e.ReviewId),
        Recommendation = Read<ReviewRecommendation>(e.Recommendation, e.ReviewId),
        RecordedAt = e.RecordedAt,
    };

    public static CreditReviewEntity ToEntity(CreditReview r) => new()
    {
        ReviewId = r.ReviewId,
        CustomerId = r.CustomerId,
        ReviewedOn = r.ReviewedOn,
        Reviewer = r.Reviewer,
        Decision = OperationCodes.ToCode(r.Decision),
        Reason = r.Reason,
        NewLimit = r.NewLimit,
        NewTermsDays = r.NewTermsDays,
        RecommendedDecision = OperationCodes.ToCode(r.Recommendation.Decision),
        Snapshot = OperationsJson.Serialize(r.Snapshot),
        Recommendation = OperationsJson.Serialize(r.Recommendation),
        PolicyVersion = r.Snapshot.PolicyVersion,
        RecordedAt = r.RecordedAt.ToUniversalTime(),
    };

    public static CollectionAction ToAction(CollectionActionEntity e) => new()
    {
        ActionId = e.ActionId,
        CustomerId = e.CustomerId,
        ActionDate = e.ActionDate,
        Kind = OperationCodes.Parse<CollectionActionKind>(e.Kind, "collection_actions.kind"),
        By = e.ActedBy,
        Note = e.Note,
        RecordedAt = e.RecordedAt,
    };

    public static CollectionActionEntity ToEntity(CollectionAction a) => new()
    {
        ActionId = a.ActionId,
        CustomerId = a.CustomerId,
        ActionDate = a.ActionDate,
        Kind = OperationCodes.ToCode(a.Kind),
        ActedBy = a.By,
        Note = a.Note,
        RecordedAt = a.RecordedAt.ToUniversalTime(),
    };

    public static PaymentPromise ToPromise(PaymentPromiseEntity e) => new()
    {
        PromiseId = e.PromiseId,
        CustomerId = e.CustomerId,
        PromisedOn = e.PromisedOn,
        Amount = e.Amount,
        PayBy = e.PayBy,
        RecordedBy = e.RecordedBy,
        Note = e.Note,
        Status = OperationCodes.Parse<PromiseStatus>(e.Status, "payment_promises.status"),
        PaidAmount = e.PaidAmount,
        SettledOn = e.SettledOn,
        RecordedAt = e.RecordedAt,
    };

    public static PaymentPromiseEntity ToEntity(PaymentPromise p) => new()
    {
        PromiseId = p.PromiseId,
        CustomerId = p.CustomerId,
        PromisedOn = p.PromisedOn,
        Amount = p.Amount,
        PayBy = p.PayBy,
        RecordedBy = p.RecordedBy,
        Note = p.Note,
        Status = OperationCodes.ToCode(p.Status),
        PaidAmount = p.PaidAmount,
        SettledOn = p.SettledOn,
        RecordedAt = p.RecordedAt.ToUniversalTime(),
    };

    public static CollateralItem ToItem(CollateralEntity e) => new()
    {
        CoverId = e.CoverId,
        CustomerId = e.CustomerId,
        Kind = OperationCodes.Parse<CoverKind>(e.Kind, "collateral.kind"),
        Description = e.Description,
        Value = e.Value,
        Haircut = e.Haircut,
        ValidFrom = e.ValidFrom,
        Expiry = e.Expiry,
        RecordedBy = e.RecordedBy,
        RecordedAt = e.RecordedAt,
    };

    public static CollateralEntity ToEntity(CollateralItem i) => new()
    {
        CoverId = i.CoverId,
        CustomerId = i.CustomerId,
        Kind = OperationCodes.ToCode(i.Kind),
        Description = i.Description,
        Value = i.Value,
        Haircut = i.Haircut,
        ValidFrom = i.ValidFrom,
        Expiry = i.Expiry,
        RecordedBy = i.RecordedBy,
        RecordedAt = i.RecordedAt.ToUniversalTime(),
    };

    public static DateTimeOffset? Utc(DateTimeOffset? instant) => instant?.ToUniversalTime();

    private static T Read<T>(string json, long reviewId) =>
        JsonSerializer.Deserialize<T>(json, OperationsJson.Options)
        ?? throw new InvalidOperationException($"Review {reviewId} has an empty {typeof(T).Name}.");
}
