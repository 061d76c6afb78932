using CustomerRisk.Application.Ports;

namespace CustomerRisk.Application.Users;

/// <summary>A signed-in user changes their own password.</summary>
/// <param name="UserName">The signed-in user.</param>
/// <param name="CurrentPassword">The password now stored: proof that the person at the session is the user.</param>
/// <param name="NewPassword">12–1,024 characters, as for <c>crisk users add</c>; it may equal the current one (the
/// change then only ends the user's other sessions).</param>
/// <param name="Client">The client's address, recorded with a refused attempt.</param>
public sealed record ChangePasswordRequest(string UserName, string? CurrentPassword, string? NewPassword, string? Client = null);

/// <summary>POST /api/me/password: the user's own password change. A wrong current password is recorded
/// (<c>user.password_change_failed</c>, as a refused sign-in) and refused; a right one stores the new hash with a
/// <c>user.password_change</c> record in one transaction and raises the user's session version, so every other
/// session of the user ends (the server gives the caller's session a new cookie).</summary>
public static class ChangePassword
{
    /// <returns>The user as now stored.</returns>
    /// <exception cref="UserRequestException">A weak new password, a wrong current password
    /// (<see cref="UserRequestFailure.WrongPassword"/>), or a user that no longer exists or is disabled.</exception>
    public static async Task<UserAccount> HandleAsync(ChangePasswordRequest request, IUserStore store, IAuditTrail audit, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(clock);
        UserChanges.CheckNewPassword(request.NewPassword);
        var user = await SignIn.HandleAsync(request.UserName, request.CurrentPassword, store, cancellationToken).ConfigureAwait(false);
        if (user is null)
        {
            await audit.AppendAsync(UserAudit.PasswordChangeRefused(request.UserName, request.Client), cancellationToken).ConfigureAwait(false);
            throw new UserRequestException("The current password is wrong.", UserRequestFailure.WrongPassword);
        }

        // Hashed before the transaction: PBKDF2 takes a noticeable fraction of a second, the write lock should not.
        var hash = PasswordHashing.Hash(request.NewPassword!);
        var now = clock.GetUtcNow();
        var outcome = await store.ChangeAsync(request.UserName, stored => stored.PasswordHash != user.PasswordHash
                ? throw new UserRequestException("The password was changed meanwhile; sign in again.", UserRequestFailure.WrongPassword)
                : new UserChange(stored with { PasswordHash = hash }, UserAudit.PasswordChanged(stored, now, stored.UserName, byTheUser: true)),
            cancellationToken).ConfigureAwait(false);
        return UserChanges.Require(outcome, request.UserName);
    }
}
