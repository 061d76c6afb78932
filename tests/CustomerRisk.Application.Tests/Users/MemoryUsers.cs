using System.Runtime.CompilerServices;
using CustomerRisk.Application.Credit;
using CustomerRisk.Application.Ports;
using CustomerRisk.Application.Users;

namespace CustomerRisk.Application.Tests.Users;

/// <summary>An in-memory user store that keeps the contract of <see cref="IUserStore"/>, including the last-admin rule
/// and the session version of <see cref="IUserStore.ChangeAsync"/>, and an audit trail of what was appended (in <see cref="Audit"/>, whether with a change or alone).</summary>
internal sealed class MemoryUsers : IUserStore, IAuditTrail
{
    public Dictionary<string, UserAccount> Users { get; } = new(StringComparer.Ordinal);

    public List<ApiTokenRecord> Tokens { get; } = [];

    public Task<UserAccount?> FindAsync(string userName, CancellationToken cancellationToken = default) =>
        Task.FromResult(Users.GetValueOrDefault(userName));

    public Task<UserAccount?> FindByTokenAsync(string tokenHash, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        Task.FromResult(Tokens.Where(t => t.TokenHash == tokenHash && t.IsValidAt(now)).Select(t => Users.GetValueOrDefault(t.UserName))
        .FirstOrDefault(u => u is { IsActive: true }));

    public Task<IReadOnlyList<ApiTokenRecord>> ListTokensAsync(string userName, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<ApiTokenRecord>>([.. Tokens.Where(t => t.UserName == userName)]);

    public Task<IReadOnlyList<ApiTokenRecord>> FindTokensByIdAsync(string tokenId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<ApiTokenRecord>>([.. Tokens.Where(t => t.TokenId == tokenId)]);

    public List<AuditEntry> Audit { get; } = [];

    public Task<bool> RevokeTokenAsync(string tokenHash, DateTimeOffset at, AuditEntry? audit = null, CancellationToken cancellationToken = default)
    {
        var index = Tokens.FindIndex(t => t.TokenHash == tokenHash);
        if (index < 0)
        {
            return Task.FromResult(false);
        }

        if (Tokens[index].RevokedAt is null && audit is not null)
        {
            Audit.Add(audit);
        }

        Tokens[index] = Tokens[index] with { RevokedAt = Tokens[index].RevokedAt ?? at };
        return Task.FromResult(true);
    }

    public Task<IReadOnlyList<UserAccount>> ListAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<UserAccount>>([.. Users.Values]);

    public Task<bool> AddAsync(UserAccount user, AuditEntry? audit = null, CancellationToken cancellationToken = default)
    {
        var added = Users.TryAdd(user.UserName, user);
        if (added && audit is not null)
        {
            Audit.Add(audit);
        }

        return Task.FromResult(added);
    }

    public Task AddTokenAsync(ApiTokenRecord token, AuditEntry? audit = null, CancellationToken cancellationToken = default)
    {
        Tokens.Add(token);
        if (audit is not null)
        {
            Audit.Add(audit);
        }

        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public Task<UserChangeOutcome> ChangeAsync(string userName, Func<UserAccount, UserChange?> change, CancellationToken cancellationToken = default)
    {
        if (!Users.TryGetValue(userName, out var before))
        {
            return Task.FromResult(new UserChangeOutcome(UserChangeStatus.NotFound, null));
        }

        if (change(before) is not { } wanted)
        {
            return Task.FromResult(new UserChangeOutcome(UserChangeStatus.Unchanged, before));
        }

        var after = wanted.After with { SessionVersion = before.SessionVersion + 1 };
        var wasAdmin = before.Role == UserRole.Admin && before.IsActive;
        var staysAdmin = after.Role == UserRole.Admin && after.IsActive;
        if (wasAdmin && !staysAdmin && !Users.Values.Any(u => u.UserName != userName && u.Role == UserRole.Admin && u.IsActive))
        {
            return Task.FromResult(new UserChangeOutcome(UserChangeStatus.LastAdmin, before));
        }

        Users[userName] = after;
        Audit.Add(wanted.Audit);
        return Task.FromResult(new UserChangeOutcome(UserChangeStatus.Changed, after));
    }

    public Task<AuditRecord> AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        Audit.Add(entry);
        return Task.FromResult(new AuditRecord
        {
            Seq = Audit.Count, At = DateTimeOffset.UnixEpoch, Actor = entry.Actor, Action = entry.Action, Entity = entry.Entity,
            PrevHash = new string('0', 64), Hash = new string('0', 64),
        });
    }

    public Task<IReadOnlyList<AuditRecord>> ListAuditAsync(string? customerId, int limit, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task<AuditPage> SearchAuditAsync(AuditQuery query, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public async IAsyncEnumerable<AuditRecord> ReadAuditAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.CompletedTask;
        yield break;
    }

    public Task<AuditHead?> ReadAuditHeadAsync(CancellationToken cancellationToken = default) => Task.FromResult<AuditHead?>(null);

    public Task<long> ReadNewestSeqAsync(IReadOnlyList<string> actions, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();
}
