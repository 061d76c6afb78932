using CustomerRisk.Application.Ports;

namespace CustomerRisk.Application.Users;

/// <summary>Give a user another role (and, for sales, the owner whose customers they see).</summary>
/// <param name="UserName">The user.</param>
/// <param name="Role">A role code (admin, credit_manager, analyst, collector, sales).</param>
/// <param name="SalesOwner">Required for sales, refused for other roles (as for <c>crisk users add</c>).</param>
/// <param name="Actor">Who changes it (the signed-in admin); null on the command line (<see cref="UserAudit.CommandLine"/>).</param>
public sealed record ChangeRoleRequest(string UserName, string? Role, string? SalesOwner = null, string? Actor = null);

/// <summary>`crisk users role NAME ROLE` and PUT /api/users/{name}/role. The new role is stored with a
/// <c>user.role_change</c> record (role and owner before and after) in one transaction and the user's session version
/// goes up, so their sessions end at the next request and their API tokens act with the new role from then on. The last
/// active admin cannot be given another role. Asking for the role and owner the user has already changes nothing and
/// appends nothing.</summary>
public static class ChangeRole
{
    /// <returns>The user as now stored.</returns>
    /// <exception cref="UserRequestException">A bad name, role or owner; no such user; or the last active admin.</exception>
    public static async Task<UserAccount> HandleAsync(ChangeRoleRequest request, IUserStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(store);
        AddUser.CheckName(request.UserName);
        var (role, owner) = AddUser.RoleAndOwner(request.Role, request.SalesOwner);
        var outcome = await store.ChangeAsync(request.UserName, stored =>
        {
            if (stored.Role == role && stored.SalesOwner == owner)
            {
                return null;
            }

            var after = stored with { Role = role, SalesOwner = owner };
            return new UserChange(after, UserAudit.RoleChanged(stored, after, request.Actor));
        }, cancellationToken).ConfigureAwait(false);
        return UserChanges.Require(outcome, request.UserName);
    }
}
