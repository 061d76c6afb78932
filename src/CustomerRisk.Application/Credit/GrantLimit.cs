using System.Globalization;
using CustomerRisk.Application.Ports;
using CustomerRisk.Domain;
using CustomerRisk.Policy;

namespace CustomerRisk.Application.Credit;

/// <summary>Grant a customer a limit: a credit decision with an approver and a reason.</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="Amount">The limit, 0 or more.</param>
/// <param name="Approver">Who approves it.</param>
/// <param name="Reason">Why.</param>
/// <param name="ValidFrom">First day it applies.</param>
/// <param name="ValidTo">Last day it applies; required for a temporary limit, null for an open-ended standing one.</param>
/// <param name="Temporary">A temporary limit replaces the standing one while valid and expires by itself.</param>
public sealed record GrantLimitRequest(string CustomerId, decimal Amount, string Approver, string Reason, DateOnly ValidFrom,
    DateOnly? ValidTo = null, bool Temporary = false);

/// <summary>The stored grant and the recommendation it was made beside.</summary>
/// <param name="Grant">The grant as stored.</param>
/// <param name="Recommended">The recommended limit on the grant's first day, with its calculation log.</param>
/// <param name="Before">The effective limit on the grant's first day before this grant.</param>
/// <param name="After">The effective limit on the grant's first day with it.</param>
public sealed record GrantLimitResult(LimitGrant Grant, LimitRecommendation Recommended, EffectiveLimit Before, EffectiveLimit After);

/// <summary>`crisk limits grant`: checks the request, stores the grant (never changing an earlier one: the history of
/// a limit is its list of grants) and appends a <c>limit.grant</c> audit record holding the effective limit before
/// and after and the recommendation, in one transaction.</summary>
public static class GrantLimit
{
    /// <summary>Grants the limit.</summary>
    /// <exception cref="CreditRequestException">An unknown customer, a negative amount, no approver or reason, an end
    /// before the start, or a temporary limit without an end.</exception>
    public static async Task<GrantLimitResult> HandleAsync(GrantLimitRequest request, IRiskStore ledgers, ICreditStore credit,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(ledgers);
        ArgumentNullException.ThrowIfNull(credit);
        ArgumentNullException.ThrowIfNull(clock);
        Validate(request);
        var (policy, _) = await ActivePolicy.ResolveAsync(credit, clock, cancellationToken).ConfigureAwait(false);
        var figures = await CreditFigures.ReadAsync(ledgers, credit, request.CustomerId, request.ValidFrom, policy, cancellationToken)
            .ConfigureAwait(false);
        var recommended = CreditLimits.Recommend(
            new LimitInputs(Enum.Parse<Grade>(figures.Grade), figures.Sales12m, figures.AnnualRevenue), policy);
        var grant = new LimitGrant
        {
            CustomerId = request.CustomerId,
            Amount = request.Amount,
            Kind = request.Temporary ? LimitKind.Temporary : LimitKind.Standing,
            ValidFrom = request.ValidFrom,
            ValidTo = request.ValidTo,
            Approver = request.Approver.Trim(),
            Reason = request.Reason.Trim(),
            GrantedAt = clock.GetUtcNow(),
        };
        EffectiveLimit? before = null, after = null;
        var stored = await credit.GrantLimitAsync(grant, (earlier, now) =>
        {
            before = EffectiveLimit.On(earlier, figures.ImportedCreditLimit, now.ValidFrom);
            after = EffectiveLimit.On([.. earlier, now], figures.ImportedCreditLimit, now.ValidFrom);
            return AuditOf(now, before, after, recommended.Limit, recommended.PolicyVersion);
        }, cancellationToken).ConfigureAwait(false);
        return new GrantLimitResult(stored, recommended, before!, after!);
    }

    /// <summary>The <c>limit.grant</c> audit record of a stored grant: the effective limit before and after on its
    /// first day, the grant, and the recommended limit beside which it was made. A review's grant
    /// (<see cref="Reviews.RecordReview"/>) writes the same record, naming its review.</summary>
    internal static AuditEntry AuditOf(LimitGrant now, EffectiveLimit before, EffectiveLimit after, decimal recommendedLimit,
        string policyVersion) => new()
    {
        Actor = now.Approver,
        Action = "limit.grant",
        Entity = $"credit_limit:{now.Id}",
        CustomerId = now.CustomerId,
        Before = CreditJson.Write(new { EffectiveLimit = before.Amount, Source = before.SourceCode, GrantId = before.Grant?.Id }),
        After = CreditJson.Write(new
        {
            GrantId = now.Id,
            now.Amount,
            Kind = now.Kind.ToString().ToLowerInvariant(),
            ValidFrom = Iso(now.ValidFrom),
            ValidTo = now.ValidTo is { } to ? Iso(to) : null,
            now.Approver,
            now.Reason,
            now.ReviewId,
            EffectiveLimit = after.Amount,
            Source = after.SourceCode,
            RecommendedLimit = recommendedLimit,
            PolicyVersion = policyVersion,
        }),
    };

    private static void Validate(GrantLimitRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.CustomerId))
        {
            throw new CreditRequestException("Name the customer (--customer ID).");
        }

        if (request.Amount < 0m)
        {
            throw new CreditRequestException($"A limit cannot be negative, found {request.Amount}.");
        }

        if (string.IsNullOrWhiteSpace(request.Approver))
        {
            throw new CreditRequestException("A limit needs an approver (--approver NAME).");
        }

        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            throw new CreditRequestException("A limit needs a reason (--reason TEXT).");
        }

        if (request.Temporary && request.ValidTo is null)
        {
            throw new CreditRequestException("A temporary limit needs the last day it applies (--until DATE).");
        }

        if (request.ValidTo is { } to && to < request.ValidFrom)
        {
            throw new CreditRequestException($"The limit would end ({Iso(to)}) before it starts ({Iso(request.ValidFrom)}).");
        }
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
