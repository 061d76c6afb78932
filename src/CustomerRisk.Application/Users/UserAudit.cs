using System.Globalization;
using CustomerRisk.Application.Credit;
using CustomerRisk.Application.Ports;

namespace CustomerRisk.Application.Users;

/// <summary>The audit records of sign-ins and user changes (a user added, a password changed or reset, a role changed,
/// a user disabled or enabled, a token issued or revoked), appended to the
/// hash-chained trail. They never hold a password, a password hash or a token: a token is named by its public id (the
/// first 12 hex digits of its SHA-256).</summary>
public static class UserAudit
{
    /// <summary>The actor of a change made on the command line (<c>crisk users …</c>), where no one is signed in.</summary>
    public const string CommandLine = "crisk users";

    /// <summary>Longest user name written as a sign-in's actor; a longer name typed at sign-in is cut (a user name has at
    /// most 64 characters, so a longer one names no user).</summary>
    public const int MaxNameLength = 64;

    /// <summary><c>user.add</c>: who added which user, with the role and sales owner.</summary>
    public static AuditEntry Added(UserAccount user, string? actor)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new AuditEntry
        {
            Actor = ActorOf(actor),
            Action = "user.add",
            Entity = "user:" + user.UserName,
            After = CreditJson.Write(new { user.UserName, Role = user.Role.ToCode(), user.SalesOwner, CreatedAt = Iso(user.CreatedAt) }),
        };
    }

    /// <summary><c>token.issue</c>: who issued a token to which user, its id, label and expiry.</summary>
    public static AuditEntry TokenIssued(ApiTokenRecord token, string? actor)
    {
        ArgumentNullException.ThrowIfNull(token);
        return new AuditEntry
        {
            Actor = ActorOf(actor),
            Action = "token.issue",
            Entity = "api_token:" + token.TokenId,
            After = CreditJson.Write(new
            {
                token.TokenId, token.UserName, token.Label, CreatedAt = Iso(token.CreatedAt),
                ExpiresAt = token.ExpiresAt is { } expires ? Iso(expires) : null,
            }),
        };
    }

    /// <summary><c>token.revoke</c>: who revoked which token of which user, and when.</summary>
    public static AuditEntry TokenRevoked(ApiTokenRecord token, DateTimeOffset at, string? actor)
    {
        ArgumentNullException.ThrowIfNull(token);
        return new AuditEntry
        {
            Actor = ActorOf(actor),
            Action = "token.revoke",
            Entity = "api_token:" + token.TokenId,
            Before = CreditJson.Write(new { token.TokenId, token.UserName, RevokedAt = (string?)null }),
            After = CreditJson.Write(new { token.TokenId, token.UserName, RevokedAt = Iso(at) }),
        };
    }

    /// <summary><c>user.password_change</c> (the user changed their own password, <paramref name="actor"/> is the user)
    /// or <c>user.password_reset</c> (an admin set it): who, whose and when; never the password or its hash.</summary>
    public static AuditEntry PasswordChanged(UserAccount user, DateTimeOffset at, string? actor, bool byTheUser)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new AuditEntry
        {
            Actor = ActorOf(actor),
            Action = byTheUser ? "user.password_change" : "user.password_reset",
            Entity = "user:" + user.UserName,
            After = CreditJson.Write(new { user.UserName, PasswordChangedAt = Iso(at) }),
        };
    }

    /// <summary><c>user.password_change_failed</c>: a signed-in user gave a wrong current password, with the client's
    /// address (as a refused sign-in is recorded).</summary>
    public static AuditEntry PasswordChangeRefused(string userName, string? client)
    {
        ArgumentNullException.ThrowIfNull(userName);
        var name = userName.Length > MaxNameLength ? userName[..MaxNameLength] : userName;
        return new AuditEntry
        {
            Actor = name,
            Action = "user.password_change_failed",
            Entity = "user:" + name,
            After = CreditJson.Write(new { Result = "wrong_current_password", Client = client }),
        };
    }

    /// <summary><c>user.role_change</c>: who changed which user's role (and sales owner), from what to what.</summary>
    public static AuditEntry RoleChanged(UserAccount before, UserAccount after, string? actor)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        return new AuditEntry
        {
            Actor = ActorOf(actor),
            Action = "user.role_change",
            Entity = "user:" + after.UserName,
            Before = CreditJson.Write(new { before.UserName, Role = before.Role.ToCode(), before.SalesOwner }),
            After = CreditJson.Write(new { after.UserName, Role = after.Role.ToCode(), after.SalesOwner }),
        };
    }

    /// <summary><c>user.disable</c> or <c>user.enable</c>: who disabled or enabled which user, and when.</summary>
    public static AuditEntry EnabledChanged(UserAccount before, UserAccount after, string? actor)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        return new AuditEntry
        {
            Actor = ActorOf(actor),
            Action = after.IsActive ? "user.enable" : "user.disable",
            Entity = "user:" + after.UserName,
            Before = CreditJson.Write(new { before.UserName, DisabledAt = before.DisabledAt is { } b ? Iso(b) : null }),
            After = CreditJson.Write(new { after.UserName, DisabledAt = after.DisabledAt is { } a ? Iso(a) : null }),
        };
    }

    /// <summary><c>user.sign_in</c> or <c>user.sign_in_failed</c>: the user name as typed (cut to
    /// <see cref="MaxNameLength"/> characters; <c>(none)</c> when empty) is the actor, with the client's address.
    /// A failure does not say whether the name exists, as the answer to the caller does not.</summary>
    public static AuditEntry SignIn(string? userName, bool succeeded, string? client)
    {
        var name = string.IsNullOrWhiteSpace(userName) ? "(none)"
            : userName.Length > MaxNameLength ? userName[..MaxNameLength] : userName;
        return new AuditEntry
        {
            Actor = name,
            Action = succeeded ? "user.sign_in" : "user.sign_in_failed",
            Entity = "user:" + name,
            After = CreditJson.Write(new { Result = succeeded ? "signed_in" : "refused", Client = client }),
        };
    }

    private static string ActorOf(string? actor) => string.IsNullOrWhiteSpace(actor) ? CommandLine : actor;

    private static string Iso(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
}
