using CustomerRisk.Application.Ports;

namespace CustomerRisk.Application.Credit;

/// <summary>A customer's effective limit on a date, with the grant it comes from.</summary>
/// <param name="Amount">The limit; null when there is none.</param>
/// <param name="Source">Temporary, granted, imported or none.</param>
/// <param name="Grant">The grant that gives it, when granted or temporary.</param>
public sealed record EffectiveLimit(decimal? Amount, LimitSource Source, LimitGrant? Grant)
{
    /// <summary>The effective limit as of a date: the latest-granted temporary limit valid on the date; else the
    /// latest-granted standing limit valid on the date; else the imported credit_limit when it is above 0; else none.
    /// A temporary limit therefore expires by itself the day after its valid_to. A granted 0 is a limit of 0.</summary>
    /// <param name="grants">The customer's grants, in any order.</param>
    /// <param name="importedCreditLimit">credit_limit from the imported customer record.</param>
    /// <param name="asOf">The date.</param>
    public static EffectiveLimit On(IReadOnlyList<LimitGrant> grants, decimal? importedCreditLimit, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(grants);
        LimitGrant? temporary = null, standing = null;
        foreach (var grant in grants)
        {
            if (!grant.IsValidOn(asOf))
            {
                continue;
            }

            if (grant.Kind == LimitKind.Temporary)
            {
                if (temporary is null || grant.Id > temporary.Id)
                {
                    temporary = grant;
                }
            }
            else if (standing is null || grant.Id > standing.Id)
            {
                standing = grant;
            }
        }

        if (temporary is not null)
        {
            return new EffectiveLimit(temporary.Amount, LimitSource.Temporary, temporary);
        }

        if (standing is not null)
        {
            return new EffectiveLimit(standing.Amount, LimitSource.Granted, standing);
        }

        return importedCreditLimit is > 0m
            ? new EffectiveLimit(importedCreditLimit, LimitSource.Imported, null)
            : new EffectiveLimit(null, LimitSource.None, null);
    }

    /// <summary>The source as a lower-case code (<c>temporary</c>, <c>granted</c>, <c>imported</c>, <c>none</c>).</summary>
    public string SourceCode => Source.ToString().ToLowerInvariant();
}
