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
}
