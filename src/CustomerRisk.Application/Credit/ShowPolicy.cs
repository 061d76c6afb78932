using CustomerRisk.Application.Ports;

namespace CustomerRisk.Application.Credit;

/// <summary>`crisk policy show [--version V]`: the text of the active policy, or of the version a past decision
/// was made under.</summary>
public static class ShowPolicy
{
    /// <summary>The stored policy: the active one (recording the built-in default when none was loaded) or the
    /// given version.</summary>
    /// <exception cref="CreditRequestException">No policy of that version was ever loaded.</exception>
    public static async Task<StoredPolicy> HandleAsync(string? version, ICreditStore credit, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(credit);
        if (version is null)
        {
            var (_, stored) = await ActivePolicy.ResolveAsync(credit, clock, cancellationToken).ConfigureAwait(false);
            return stored;
        }

        return await credit.ReadPolicyAsync(version, cancellationToken).ConfigureAwait(false)
            ?? throw new CreditRequestException($"No policy of version '{version}' was loaded; 'crisk policy list' shows the versions.");
    }
}
