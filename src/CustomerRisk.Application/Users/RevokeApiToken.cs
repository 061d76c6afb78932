using CustomerRisk.Application.Ports;

namespace CustomerRisk.Application.Users;

/// <summary>Revoke an API token by its id (the first 12 hex digits of its SHA-256, as listed).</summary>
/// <param name="TokenId">The token's id.</param>
/// <param name="UserName">When given, the token must be this user's (the API path names the user); null: any user's.</param>
/// <param name="Actor">Who revokes it (the signed-in admin); null on the command line (<see cref="UserAudit.CommandLine"/>).</param>
public sealed record RevokeApiTokenRequest(string TokenId, string? UserName = null, string? Actor = null);

/// <summary>`crisk users revoke-token ID` and DELETE /api/users/{name}/tokens/{id}: from the next request on, the token
/// is refused (401) on every instance, and a <c>token.revoke</c> audit record is stored with the change. Revoking a
/// revoked token changes nothing, appends nothing and is not an error.</summary>
public static class RevokeApiToken
{
    /// <summary>Revokes the token; returns it as it now stands, or null when there is no such token (of that user).</summary>
    /// <exception cref="UserRequestException">The id is not 12 lower-case hex digits, or (in a store of billions of
    /// tokens) two tokens share it.</exception>
    public static async Task<ApiTokenRecord?> HandleAsync(RevokeApiTokenRequest request, IUserStore store, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(clock);
        var id = request.TokenId?.Trim().ToLowerInvariant();
        if (!ApiTokens.LooksLikeId(id))
        {
            throw new UserRequestException($"A token id is {ApiTokens.IdLength} hex digits (see crisk users tokens NAME).");
        }

        var found = (await store.FindTokensByIdAsync(id!, cancellationToken).ConfigureAwait(false))
            .Where(t => request.UserName is null || t.UserName == request.UserName)
            .ToArray();
        if (found.Length == 0)
        {
            return null;
        }

        if (found.Length > 1)
        {
            throw new UserRequestException($"Several tokens have the id {id}; revoke them through their users.");
        }

        var token = found[0];
        if (token.RevokedAt is not null)
        {
            return token;
        }

        var now = clock.GetUtcNow();
        await store.RevokeTokenAsync(token.TokenHash, now, UserAudit.TokenRevoked(token, now, request.Actor), cancellationToken).ConfigureAwait(false);
        return token with { RevokedAt = now };
    }
}
