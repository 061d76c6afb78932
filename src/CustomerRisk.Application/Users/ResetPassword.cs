using CustomerRisk.Application.Ports;

namespace CustomerRisk.Application.Users;

/// <summary>An admin sets another user's password (or their own, without the current one).</summary>
/// <param name="UserName">The user whose password is set.</param>
/// <param name="NewPassword">12–1,024 characters, as for <c>crisk users add</c>.</param>
/// <param name="Actor">Who sets it (the signed-in admin); null on the command line (<see cref="UserAudit.CommandLine"/>).</param>
public sealed record ResetPasswordRequest(string UserName, string? NewPassword, string? Actor = null);

/// <summary>`crisk users passwd NAME` and PUT /api/users/{name}/password: stores the new hash with a
/// <c>user.password_reset</c> record in one transaction and raises the user's session version, so all their sessions
/// end. A disabled user stays disabled.</summary>
public static class ResetPassword
{
    /// <returns>The user as now stored.</returns>
    /// <exception cref="UserRequestException">A bad name, a weak password, or no such user.</exception>
    public static async Task<UserAccount> HandleAsync(ResetPasswordRequest request, IUserStore store, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(clock);
        AddUser.CheckName(request.UserName);
        UserChanges.CheckNewPassword(request.NewPassword);
        var hash = PasswordHashing.Hash(request.NewPassword!);
        var now = clock.GetUtcNow();
        var outcome = await store.ChangeAsync(request.UserName,
            stored => new UserChange(stored with { PasswordHash = hash }, UserAudit.PasswordChanged(stored, now, request.Actor, byTheUser: false)),
            cancellationToken).ConfigureAwait(false);
        return UserChanges.Require(outcome, request.UserName);
    }
}
