using CustomerRisk.Application.Ports;
using CustomerRisk.Domain;
using CustomerRisk.Policy;

namespace CustomerRisk.Application.Credit;

/// <summary>Check an order of a customer.</summary>
/// <param name="CustomerId">The ordering customer.</param>
/// <param name="Amount">The order amount, greater than 0.</param>
/// <param name="AsOf">The date the check is made as of (open AR, days past due and limits on that date).</param>
/// <param name="OrderId">The order's id; null makes one up (<c>check-…</c>). Checking the same id again replaces the
/// earlier check of it.</param>
/// <param name="Actor">Who asks (a user, <c>crisk</c>, the server's caller).</param>
public sealed record CheckOrderRequest(string CustomerId, decimal Amount, DateOnly AsOf, string? OrderId = null, string Actor = "crisk");

/// <summary>The answer in the shape of spec/cli.md: <c>{"decision", "reasons": [{"rule", "detail"}], "exposure",
/// "limit"}</c>.</summary>
/// <param name="Decision"><c>approve</c>, <c>review</c> or <c>block</c>.</param>
/// <param name="Reasons">Every rule that fired, or the approving one.</param>
/// <param name="Exposure">open_ar + open orders + the new order, to 2 decimals.</param>
/// <param name="Limit">The effective limit, to 2 decimals; null when none.</param>
public sealed record CheckOrderAnswer(string Decision, IReadOnlyList<CheckReason> Reasons, decimal Exposure, decimal? Limit)
{
    /// <summary>The answer of a recorded check.</summary>
    public static CheckOrderAnswer Of(OrderCheckRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new CheckOrderAnswer(record.Decision, record.Reasons, CreditJson.Money(record.Exposure),
            record.Limit is { } limit ? CreditJson.Money(limit) : null);
    }
}

/// <summary>The credit check of an order (spec/operations.md) as a use case: exposure = open AR (from the ledger, as of
/// the date) + open orders (imported open sales orders, plus orders approved by earlier checks and not yet in the
/// imported orders) + the new order; the decision by <see cref="OrderCheck.Decide"/> against the effective limit
/// (<see cref="EffectiveLimit"/>). The part that reads earlier checks and records this one runs under the customer's
/// lock in the store (<see cref="ICreditStore.DecideOrderAsync"/>), so two orders that each fit but together exceed the
/// limit are never both approved. Every check is recorded with its reasons, figures and policy version, and audited.</summary>
public static class CheckOrder
{
    /// <summary>Checks the order and records the check.</summary>
    /// <exception cref="CreditRequestException">The customer is unknown or the amount is not above 0.</exception>
    public static async Task<OrderCheckRecord> HandleAsync(CheckOrderRequest request, IRiskStore ledgers, ICreditStore credit,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(ledgers);
        ArgumentNullException.ThrowIfNull(credit);
        ArgumentNullException.ThrowIfNull(clock);
        if (request.Amount <= 0m)
        {
            throw new CreditRequestException($"The order amount must be above 0, found {request.Amount}.");
        }

        if (string.IsNullOrWhiteSpace(request.CustomerId))
        {
            throw new CreditRequestException("Name the customer (--customer ID).");
        }

        if (request.OrderId is { } given && string.IsNullOrWhiteSpace(given))
        {
            throw new CreditRequestException("The order id may not be empty.");
        }

        var (policy, _) = await ActivePolicy.ResolveAsync(credit, clock, cancellationToken).ConfigureAwait(false);
        var figures = await CreditFigures.ReadAsync(ledgers, credit, request.CustomerId, request.AsOf, policy, cancellationToken)
            .ConfigureAwait(false);
        var orderId = request.OrderId?.Trim() ?? $"check-{Guid.NewGuid().ToString("N")[..12]}";
        var grade = Enum.Parse<Grade>(figures.Grade);

        return await credit.DecideOrderAsync(request.CustomerId, orderId, exposure =>
        {
            var limit = EffectiveLimit.On(exposure.Grants, figures.ImportedCreditLimit, request.AsOf);
            var openOrders = figures.ImportedOpenOrders + exposure.ApprovedOpenOrders;
            var result = OrderCheck.Decide(
                new OrderCheckInputs(grade, figures.OpenAr, openOrders, request.Amount, figures.OldestDpd, limit.Amount), policy);
            return new OrderCheckRecord
            {
                CustomerId = request.CustomerId,
                OrderId = orderId,
                Amount = request.Amount,
                AsOf = request.AsOf,
                CheckedAt = clock.GetUtcNow(),
                Actor = request.Actor,
                Decision = result.Decision.ToString().ToLowerInvariant(),
                Reasons = result.Reasons.Select(r => new CheckReason(r.RuleId, r.Message)).ToArray(),
                Grade = figures.Grade,
                OpenAr = figures.OpenAr,
                OpenOrders = openOrders,
                Exposure = result.Exposure,
                Limit = limit.Amount,
                LimitSource = limit.SourceCode,
                OldestDpd = figures.OldestDpd,
                PolicyVersion = result.PolicyVersion,
            };
        }, record => new AuditEntry
        {
            Actor = record.Actor,
            Action = "order.check",
            Entity = $"order:{record.OrderId}",
            CustomerId = record.CustomerId,
            After = CreditJson.Write(new
            {
                record.CheckId,
                record.OrderId,
                record.Amount,
                AsOf = record.AsOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                record.Decision,
                record.Reasons,
                record.OpenAr,
                record.OpenOrders,
                record.Exposure,
                record.Limit,
                record.LimitSource,
                record.Grade,
                record.OldestDpd,
                record.PolicyVersion,
            }),
        }, cancellationToken).ConfigureAwait(false);
    }
}
