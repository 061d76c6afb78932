namespace CustomerRisk.Application.Users;

/// <summary>A person or integration that signs in.</summary>
public sealed record UserAccount
{
    /// <summary>The sign-in name: 1–64 letters, digits and . _ - @ (case-sensitive).</summary>
    public required string UserName { get; init; }

    /// <summary>The PBKDF2 password hash in the format of <see cref="PasswordHashing"/>.</summary>
    public required string PasswordHash { get; init; }

    public required UserRole Role { get; init; }

    /// <summary>For <see cref="UserRole.Sales"/>: the customers.sales_owner value whose customers the user sees;
    /// null for every other role.</summary>
    public string? SalesOwner { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When an admin disabled the user; null while the user may sign in. A disabled user cannot sign in, and
    /// their sessions and API tokens are refused until an admin enables them again.</summary>
    public DateTimeOffset? DisabledAt { get; init; }

    /// <summary>Goes up by one with every change of the user (password, role, owner, disabled or enabled). A session
    /// cookie carries the value it was made with, and is refused once the stored value differs, on every instance.</summary>
    public int SessionVersion { get; init; }

    /// <summary>True while the user is not disabled.</summary>
    public bool IsActive => DisabledAt is null;
}
