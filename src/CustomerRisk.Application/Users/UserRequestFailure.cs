namespace CustomerRisk.Application.Users;

/// <summary>Why a user request was refused, so that the server can answer with the right status.</summary>
public enum UserRequestFailure
{
    /// <summary>Bad input: a name, role, owner or password that breaks a rule (400).</summary>
    Invalid,

    /// <summary>No user of that name (404).</summary>
    NoSuchUser,

    /// <summary>The change would leave no active admin (409).</summary>
    LastAdmin,

    /// <summary>The current password given with a change of one's own password is wrong (400).</summary>
    WrongPassword,
}
