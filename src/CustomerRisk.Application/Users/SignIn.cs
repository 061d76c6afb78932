using CustomerRisk.Application.Ports;

namespace CustomerRisk.Application.Users;

/// <summary>Checks a user name and password. An unknown name costs the same hashing time as a wrong password, so the
/// answer's timing does not tell which names exist.</summary>
public static class SignIn
{
    /// <summary>The user when the password matches, else null.</summary>
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

        return PasswordHashing.Verify(password, user.PasswordHash) ? user : null;
    }
}
