using CustomerRisk.Application.Ports;

namespace CustomerRisk.Application.Users;

/// <summary>Issue an API token to an existing user.</summary>
/// <param name="UserName">The user the token acts as (with that user's role).</param>
/// <param name="Label">What the token is for; up to 100 characters.</param>
public sealed record IssueApiTokenRequest(string UserName, string? Label = null);

/// <summary>The token use case, shared by `crisk users token` and POST /api/users/{name}/tokens. The token text is
/// returned once and never stored.</summary>
public static class IssueApiToken
{
    /// <exception cref="UserRequestException">No such user, or a label over 100 characters.</exception>
    public static async Task<string> HandleAsync(IssueApiTokenRequest request, IUserStore store, TimeProvider clock,
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

        if (await store.FindAsync(request.UserName, cancellationToken).ConfigureAwait(false) is null)
        {
            throw new UserRequestException($"No user named '{request.UserName}'.");
        }

        var token = ApiTokens.NewToken();
        await store.AddTokenAsync(new ApiTokenRecord
        {
            TokenHash = ApiTokens.HashOf(token),
            UserName = request.UserName,
            Label = string.IsNullOrWhiteSpace(request.Label) ? null : request.Label.Trim(),
            CreatedAt = clock.GetUtcNow(),
        }, cancellationToken).ConfigureAwait(false);
        return token;
    }
}
