namespace CustomerRisk.Application.Users;

/// <summary>A stored API token: only the SHA-256 of the token is kept, so the store never holds a usable token.</summary>
public sealed record ApiTokenRecord
{
    /// <summary>SHA-256 of the token text, 64 lower-case hex digits.</summary>
    public required string TokenHash { get; init; }

    public required string UserName { get; init; }

    /// <summary>What the token is for ("erp-sync"); free text up to 100 characters.</summary>
    public string? Label { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
}
