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

    /// <summary>The instant from which the token is refused; null: it never expires.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>When an admin revoked it; null while it is not revoked.</summary>
    public DateTimeOffset? RevokedAt { get; init; }

    /// <summary>The token's public id: the first 12 hex digits of its SHA-256 (<see cref="ApiTokens.IdOf"/>). Naming a
    /// token by it (to list or revoke it) reveals nothing of the token itself.</summary>
    public string TokenId => ApiTokens.IdOf(TokenHash);

    /// <summary>True when the token is accepted at <paramref name="now"/>: not revoked and not expired.</summary>
    public bool IsValidAt(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is not { } expires || now < expires);
}
