using System.Globalization;
using CustomerRisk.Application.Operations;
using CustomerRisk.Application.Ports;

namespace CustomerRisk.Application.Collateral;

/// <summary>Register a guarantee or collateral.</summary>
/// <param name="CustomerId">The customer covered.</param>
/// <param name="Kind">guarantee, collateral, credit_insurance, deposit or letter_of_credit.</param>
/// <param name="Value">Its value in the portfolio currency, above 0.</param>
/// <param name="Haircut">Share not counted, 0–1.</param>
/// <param name="ValidFrom">The first day it counts.</param>
/// <param name="Expiry">The last day it counts, not before ValidFrom; null when open-ended.</param>
/// <param name="Description">What it is.</param>
/// <param name="By">Who registered it (required).</param>
public sealed record AddCollateralRequest(string CustomerId, string Kind, decimal Value, decimal Haircut, DateOnly ValidFrom,
    DateOnly? Expiry, string? Description, string By);

/// <summary>The saved item and the decision for the audit trail.</summary>
public sealed record AddCollateralResult(CollateralItem Item, OperationDecision Decision);

/// <summary>Adds an item to the register of guarantees and collateral. It lowers the customer's LGD at every
/// assessment from its first to its last valid day (<see cref="Policy.ExpectedLoss"/>).</summary>
public static class AddCollateral
{
    public static async Task<AddCollateralResult> HandleAsync(AddCollateralRequest request, IOperationsStore store,
        TimeProvider clock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(clock);
        var kind = OperationCodes.Parse<CoverKind>(request.Kind, "Kind (--kind)");
        var by = OperationLookups.Required(request.By, "Who registers it (--by)");
        if (request.Value <= 0m)
        {
            throw new OperationRefusedException($"The value must be above 0, not {request.Value.ToString(CultureInfo.InvariantCulture)}.");
        }

        if (request.Haircut is < 0m or > 1m)
        {
            throw new OperationRefusedException($"The haircut is a share 0–1 (0.2 for 20%), not {request.Haircut.ToString(CultureInfo.InvariantCulture)}.");
        }

        if (request.Expiry is { } expiry && expiry < request.ValidFrom)
        {
            throw new OperationRefusedException($"The expiry {expiry:yyyy-MM-dd} is before the first valid day {request.ValidFrom:yyyy-MM-dd}.");
        }

        var customer = await OperationLookups.CustomerAsync(store, request.CustomerId, cancellationToken).ConfigureAwait(false);
        var item = new CollateralItem
        {
            CustomerId = customer.CustomerId,
            Kind = kind,
            Description = string.IsNullOrWhiteSpace(request.Description) ? null : request.Description.Trim(),
            Value = request.Value,
            Haircut = request.Haircut,
            ValidFrom = request.ValidFrom,
            Expiry = request.Expiry,
            RecordedBy = by,
            RecordedAt = clock.GetUtcNow(),
        };
        OperationDecision? decision = null;
        var saved = await store.AddCollateralAsync(item, stored =>
        {
            decision = new OperationDecision("collateral.add", stored.CustomerId, stored.CoverId.ToString(CultureInfo.InvariantCulture), by,
                stored.RecordedAt, null, OperationsJson.Serialize(stored), stored.Description);
            return decision.ToAuditEntry();
        }, cancellationToken).ConfigureAwait(false);
        return new AddCollateralResult(saved, decision!);
    }
}
