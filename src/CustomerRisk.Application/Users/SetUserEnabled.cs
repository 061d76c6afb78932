using CustomerRisk.Application.Ports;

namespace CustomerRisk.Application.Users;

/// <summary>Disable a user (they can no longer sign in; their sessions and API tokens are refused) or enable them again.</summary>
/// <param name="UserName">The user.</param>
/// <param name="Enabled">False: disable; true: enable.</param>
/// <param name="Actor">Who does it (the signed-in admin); null on the command line (<see cref="UserAudit.CommandLine"/>).</param>
public sealed record SetUserEnabledRequest(string UserName, bool Enabled, string? Actor = null);

/// <summary>`crisk users disable|enable NAME` and POST /api/users/{name}/disable|enable. A user is disabled rather than
/// deleted, so the audit trail keeps naming a user that exists. The change is stored with a <c>user.disable</c> or
/// <c>user.enable</c> record in one transaction and raises the user's session version. The user's tokens are kept: they
/// are refused while the user is disabled and work again once enabled, unless revoked or expired meanwhile. The last
/// active admin cannot be disabled. Disabling a disabled user (or enabling an enabled one) changes nothing and appends
/// nothing.</summary>
public static class SetUserEnabled
{
    /// <returns>The user as now stored.</returns>
    /// <exception cref="UserRequestException">A bad name; no such user; or the last active admin.</exception>
    public static async Task<UserAccount> HandleAsync(SetUserEnabledRequest request, IUserStore store, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(clock);
        AddUser.CheckName(request.UserName);
        var now = clock.GetUtcNow();
        var outcome = await store.ChangeAsync(request.UserName, stored =>
        {
            if (stored.IsActive == request.Enabled)
            {
                return null;
            }

            var after = stored with { DisabledAt = request.Enabled ? null : now };
            return new UserChange(after, UserAudit.EnabledChanged(stored, after, request.Actor));
        }, cancellationToken).ConfigureAwait(false);
        return UserChanges.Require(outcome, request.UserName);
    }
}
