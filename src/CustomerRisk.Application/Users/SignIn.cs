using CustomerRisk.Application.Ports;

namespace CustomerRisk.Application.Users;

/// <summary>Checks a user name and password. An unknown name costs the same hashing time as a wrong password, so the
/// answer's timing does not tell which names exist.</summary>
public static class SignIn
{
    /// <summary>Checks the password and appends the attempt to the audit trail, <c>user.sign_in</c> or
    /// <c>user.sign_in_failed</c> with the name as typed and the client's address (never the password). Every attempt
    /// appends one record, so a refusal costs the same whether or not the name exists.</summary>
    /// <returns>The user when the password matches, else null.</returns>
    public static async Task<UserAccount?> HandleAsync(string? userName, string? password, string? client, IUserStore store,
        IAuditTrail audit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(audit);
        var user = await HandleAsync(userName, password, store, cancellationToken).ConfigureAwait(false);
        await audit.AppendAsync(UserAudit.SignIn(userName, user is not null, client), cancellationToken).ConfigureAwait(false);
        return user;
    }

    /// <summary>The user when the password matches and the user is not disabled, else null (nothing recorded).</summary>
    public static async Task<UserAccount?> HandleAsync(string? userName, string? password, IUserStore store,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (string.IsNullOrEmpty(userName) || userName.Length > 64 || string.IsNullOrEmpty(password)
            || password.Length > PasswordHashing.MaximumLength)
        {
            return null;
        }

        var user = await store.FindAsync(userName, cancellationToken).ConfigureAwait(false);
        if (user is null)
        {
            PasswordHashing.VerifyDecoy(password);
            return null;
        }

        // A disabled user is refused after the same hashing and with the same answer as a wrong password.
        return PasswordHashing.Verify(password, user.PasswordHash) && user.IsActive ? user : null;
    }
}
