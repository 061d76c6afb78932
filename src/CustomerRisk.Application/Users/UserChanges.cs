namespace CustomerRisk.Application.Users;

/// <summary>What the user-change use cases share: turning a refused change into the caller's error.</summary>
internal static class UserChanges
{
    /// <summary>The user as now stored, or the refusal as a <see cref="UserRequestException"/>.</summary>
    public static UserAccount Require(UserChangeOutcome outcome, string userName) => outcome.Status switch
    {
        UserChangeStatus.Changed or UserChangeStatus.Unchanged => outcome.User!,
        UserChangeStatus.NotFound => throw NoSuchUser(userName),
        _ => throw new UserRequestException(
            $"'{userName}' is the last active admin: make another user admin first, so that someone can still manage users.",
            UserRequestFailure.LastAdmin),
    };

    public static UserRequestException NoSuchUser(string userName) =>
        new($"No user named '{userName}'.", UserRequestFailure.NoSuchUser);

    /// <summary>Throws when the new password breaks the rules of <see cref="PasswordHashing.Weakness"/>.</summary>
    public static void CheckNewPassword(string? password)
    {
        if (PasswordHashing.Weakness(password) is { } weakness)
        {
            throw new UserRequestException(weakness);
        }
    }
}
