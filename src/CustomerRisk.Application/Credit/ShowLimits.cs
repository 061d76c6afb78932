using CustomerRisk.Application.Ports;
using CustomerRisk.Domain;
using CustomerRisk.Policy;

namespace CustomerRisk.Application.Credit;

/// <summary>Show a customer's limits as of a date.</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="AsOf">The date.</param>
public sealed record ShowLimitsRequest(string CustomerId, DateOnly AsOf);

/// <summary>A customer's limits: the effective one and where it comes from, the recommendation with its calculation
/// log, the imported credit_limit, every grant (the history), and the latest checks.</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="AsOf">The date.</param>
/// <param name="Effective">The effective limit on the date.</param>
/// <param name="ImportedCreditLimit">credit_limit of the imported customer record.</param>
/// <param name="Recommended">The recommended limit with its log.</param>
/// <param name="Grade">The grade the recommendation is sized for.</param>
/// <param name="Grants">Every grant, oldest first.</param>
/// <param name="RecentChecks">The latest recorded order checks, newest first.</param>
public sealed record CustomerLimits(string CustomerId, DateOnly AsOf, EffectiveLimit Effective, decimal? ImportedCreditLimit,
    LimitRecommendation Recommended, string Grade, IReadOnlyList<LimitGrant> Grants, IReadOnlyList<OrderCheckRecord> RecentChecks);

/// <summary>`crisk limits show`: what limit applies to a customer on a date and why.</summary>
public static class ShowLimits
{
    /// <summary>The customer's limits.</summary>
    /// <exception cref="CreditRequestException">The customer is not in the store.</exception>
    public static async Task<CustomerLimits> HandleAsync(ShowLimitsRequest request, IRiskStore ledgers, ICreditStore credit,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(credit);
        var (policy, _) = await ActivePolicy.ResolveAsync(credit, clock, cancellationToken).ConfigureAwait(false);
        var figures = await CreditFigures.ReadAsync(ledgers, credit, request.CustomerId, request.AsOf, policy, cancellationToken)
            .ConfigureAwait(false);
        var grants = await credit.ReadLimitGrantsAsync(request.CustomerId, cancellationToken).ConfigureAwait(false);
        var checks = await credit.ListOrderChecksAsync(request.CustomerId, 10, cancellationToken).ConfigureAwait(false);
        var recommended = CreditLimits.Recommend(
            new LimitInputs(Enum.Parse<Grade>(figures.Grade), figures.Sales12m, figures.AnnualRevenue), policy);
        return new CustomerLimits(request.CustomerId, request.AsOf,
            EffectiveLimit.On(grants, figures.ImportedCreditLimit, request.AsOf), figures.ImportedCreditLimit, recommended,
            figures.Grade, grants, checks);
    }
}
