namespace CustomerRisk.Application.Users;

/// <summary>How a change of one user ended.</summary>
public enum UserChangeStatus
{
    /// <summary>The user was changed and the audit record appended.</summary>
    Changed,

    /// <summary>The user already was as asked: nothing written, nothing appended.</summary>
    Unchanged,

    /// <summary>No user of that name.</summary>
    NotFound,

    /// <summary>Refused: the user is the last active admin and would no longer be one.</summary>
    LastAdmin,
}
