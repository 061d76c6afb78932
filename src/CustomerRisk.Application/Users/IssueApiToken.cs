using CustomerRisk.Application.Ports;

namespace CustomerRisk.Application.Users;

/// <summary>Issue an API token to an existing user.</summary>
/// <param name="UserName">The user the token acts as (with that user's role).</param>
/// <param name="Label">What the token is for; up to 100 characters.</param>
/// <param name="ExpiresInDays">Days until the token expires, 0–3,650; 0 means never. Default
/// <see cref="IssueApiToken.DefaultExpiryDays"/>.</param>
/// <param name="Actor">Who issues it (the signed-in admin); null on the command line (<see cref="UserAudit.CommandLine"/>).</param>
public sealed record IssueApiTokenRequest(string UserName, string? Label = null, int ExpiresInDays = IssueApiToken.DefaultExpiryDays,
    string? Actor = null);

/// <summary>A new token: the text (shown this once, never stored) and its stored record.</summary>
public sealed record IssuedApiToken(string Token, ApiTokenRecord Record);

/// <summary>The token use case, shared by `crisk users token` and POST /api/users/{name}/tokens. The token text is
/// returned once and never stored; the token and its <c>token.issue</c> audit record (its id, never the token) are
/// stored together.</summary>
public static class IssueApiToken
{
    /// <summary>Days a token lives unless the request says otherwise.</summary>
    public const int DefaultExpiryDays = 90;

    /// <summary>The longest life a token may be given, in days (10 years).</summary>
    public const int MaxExpiryDays = 3650;

    /// <exception cref="UserRequestException">No such user, a label over 100 characters, or an expiry out of range.</exception>
    public static async Task<IssuedApiToken> HandleAsync(IssueApiTokenRequest request, IUserStore store, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(clock);
        AddUser.CheckName(request.UserName);
        if (request.Label is { Length: > 100 })
        {
            throw new UserRequestException("A token label has at most 100 characters.");
        }

        if (request.ExpiresInDays is < 0 or > MaxExpiryDays)
        {
            throw new UserRequestException($"A token expires in 1–{MaxExpiryDays} days, or 0 for never; found {request.ExpiresInDays}.");
        }

        if (await store.FindAsync(request.UserName, cancellationToken).ConfigureAwait(false) is null)
        {
            throw new UserRequestException($"No user named '{request.UserName}'.");
        }

        var token = ApiTokens.NewToken();
        var now = clock.GetUtcNow();
        var record = new ApiTokenRecord
        {
            TokenHash = ApiTokens.HashOf(token),
            UserName = request.UserName,
            Label = string.IsNullOrWhiteSpace(request.Label) ? null : request.Label.Trim(),
            CreatedAt = now,
            ExpiresAt = request.ExpiresInDays == 0 ? null : now.AddDays(request.ExpiresInDays),
        };
        await store.AddTokenAsync(record, UserAudit.TokenIssued(record, request.Actor), cancellationToken).ConfigureAwait(false);
        return new IssuedApiToken(token, record);
    }
}
