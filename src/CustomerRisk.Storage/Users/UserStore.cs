using CustomerRisk.Application.Ports;
using CustomerRisk.Application.Users;
using CustomerRisk.Storage.Credit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CustomerRisk.Storage.Users;

/// <summary>Users and API tokens through EF Core, on either provider. A change and its audit record are written in one
/// transaction (the record appended to the credit store's hash chain on the context's connection, as the operations
/// store does), so a change is never kept without its record, nor the record without it.</summary>
internal sealed class UserStore(RiskDbContext context, Func<CreditStore> openCredit) : IUserStore
{
    private CreditStore? _credit;

    public async Task<UserAccount?> FindAsync(string userName, CancellationToken cancellationToken = default)
    {
        var row = await context.Set<UserEntity>().AsNoTracking()
            .FirstOrDefaultAsync(u => u.UserName == userName, cancellationToken).ConfigureAwait(false);
        return row is null ? null : ToAccount(row);
    }

    public async Task<UserAccount?> FindByTokenAsync(string tokenHash, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var row = await (from t in context.Set<ApiTokenEntity>()
                         join u in context.Set<UserEntity>() on t.UserName equals u.UserName
                         where t.TokenHash == tokenHash && u.DisabledAt == null
                         select new { Token = t, User = u }).AsNoTracking().FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        // Validity is decided in one place (ApiTokenRecord.IsValidAt), the same for the server's fast path.
        return row is not null && ToRecord(row.Token).IsValidAt(now) ? ToAccount(row.User) : null;
    }

    public async Task<IReadOnlyList<UserAccount>> ListAsync(CancellationToken cancellationToken = default)
    {
        var rows = await context.Set<UserEntity>().AsNoTracking().OrderBy(u => u.UserName)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Select(ToAccount).ToArray();
    }

    public async Task<bool> AddAsync(UserAccount user, AuditEntry? audit = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        if (await context.Set<UserEntity>().AnyAsync(u => u.UserName == user.UserName, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        context.Add(new UserEntity
        {
            UserName = user.UserName,
            PasswordHash = user.PasswordHash,
            Role = user.Role.ToCode(),
            SalesOwner = user.SalesOwner,
            CreatedAt = user.CreatedAt.ToUniversalTime(),
        });
        try
        {
            await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await AuditAsync(transaction, audit, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another process added the same name between the check and the insert.
            return false;
        }
    }

    public async Task AddTokenAsync(ApiTokenRecord token, AuditEntry? audit = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(token);
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        context.Add(new ApiTokenEntity
        {
            TokenHash = token.TokenHash,
            UserName = token.UserName,
            Label = token.Label,
            CreatedAt = token.CreatedAt.ToUniversalTime(),
            ExpiresAt = token.ExpiresAt?.ToUniversalTime(),
            RevokedAt = token.RevokedAt?.ToUniversalTime(),
        });
        await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await AuditAsync(transaction, audit, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ApiTokenRecord>> ListTokensAsync(string userName, CancellationToken cancellationToken = default)
    {
        var rows = await context.Set<ApiTokenEntity>().AsNoTracking().Where(t => t.UserName == userName)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Select(ToRecord).OrderBy(t => t.CreatedAt).ThenBy(t => t.TokenHash, StringComparer.Ordinal).ToArray();
    }

    public async Task<IReadOnlyList<ApiTokenRecord>> FindTokensByIdAsync(string tokenId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tokenId);
        // The id is a prefix of the hash: a range on the primary key, so the look-up uses its index on both databases.
        var upper = tokenId + "g";
        var rows = await context.Set<ApiTokenEntity>().AsNoTracking()
            .Where(t => string.Compare(t.TokenHash, tokenId) >= 0 && string.Compare(t.TokenHash, upper) < 0)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Select(ToRecord).Where(t => t.TokenId == tokenId).ToArray();
    }

    public async Task<bool> RevokeTokenAsync(string tokenHash, DateTimeOffset at, AuditEntry? audit = null, CancellationToken cancellationToken = default)
    {
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var utc = at.ToUniversalTime();
        // Only a token not yet revoked is changed (the first revocation stands), so of two revocations at once only one
        // changes the row and appends its record.
        var changed = await context.Set<ApiTokenEntity>().Where(t => t.TokenHash == tokenHash && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, utc), cancellationToken).ConfigureAwait(false);
        if (changed == 0)
        {
            return await context.Set<ApiTokenEntity>().AnyAsync(t => t.TokenHash == tokenHash, cancellationToken).ConfigureAwait(false);
        }

        await AuditAsync(transaction, audit, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    public async Task<UserChangeOutcome> ChangeAsync(string userName, Func<UserAccount, UserChange?> change,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userName);
        ArgumentNullException.ThrowIfNull(change);
        // SQLite: the transaction is BEGIN IMMEDIATE, so it holds the write lock from here. PostgreSQL: the user and every
        // active admin are locked, so of two changes removing "the other" admin at once the second sees the first.
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        if (context is PostgresRiskDbContext)
        {
            await context.Database.ExecuteSqlInterpolatedAsync(
                $"SELECT 1 FROM users WHERE user_name = {userName} OR (role = 'admin' AND disabled_at IS NULL) FOR UPDATE",
                cancellationToken).ConfigureAwait(false);
        }

        var row = await context.Set<UserEntity>().FirstOrDefaultAsync(u => u.UserName == userName, cancellationToken).ConfigureAwait(false);
        if (row is null)
        {
            return new UserChangeOutcome(UserChangeStatus.NotFound, null);
        }

        var before = ToAccount(row);
        if (change(before) is not { } wanted)
        {
            return new UserChangeOutcome(UserChangeStatus.Unchanged, before);
        }

        var after = wanted.After with { UserName = before.UserName, CreatedAt = before.CreatedAt, SessionVersion = before.SessionVersion + 1 };
        var wasAdmin = before.Role == UserRole.Admin && before.IsActive;
        var staysAdmin = after.Role == UserRole.Admin && after.IsActive;
        if (wasAdmin && !staysAdmin && !await context.Set<UserEntity>()
                .AnyAsync(u => u.UserName != userName && u.Role == UserRoles.Admin && u.DisabledAt == null, cancellationToken).ConfigureAwait(false))
        {
            return new UserChangeOutcome(UserChangeStatus.LastAdmin, before);
        }

        row.PasswordHash = after.PasswordHash;
        row.Role = after.Role.ToCode();
        row.SalesOwner = after.SalesOwner;
        row.DisabledAt = after.DisabledAt?.ToUniversalTime();
        row.SessionVersion = after.SessionVersion;
        await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await AuditAsync(transaction, wanted.Audit, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        context.ChangeTracker.Clear();
        return new UserChangeOutcome(UserChangeStatus.Changed, ToAccount(row));
    }

    public async ValueTask DisposeAsync()
    {
        await context.DisposeAsync().ConfigureAwait(false);
        if (_credit is not null)
        {
            await _credit.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Appends the record inside the change's transaction (on SQLite that transaction is BEGIN IMMEDIATE and
    /// holds the write lock; on PostgreSQL the append locks audit_head last).</summary>
    private async Task AuditAsync(IDbContextTransaction transaction, AuditEntry? audit, CancellationToken cancellationToken)
    {
        if (audit is null)
        {
            return;
        }

        _credit ??= openCredit();
        await _credit.AppendAsync(context.Database.GetDbConnection(), transaction.GetDbTransaction(), audit, cancellationToken).ConfigureAwait(false);
    }

    internal static ApiTokenRecord ToRecord(ApiTokenEntity row) => new()
    {
        TokenHash = row.TokenHash,
        UserName = row.UserName,
        Label = row.Label,
        CreatedAt = row.CreatedAt,
        ExpiresAt = row.ExpiresAt,
        RevokedAt = row.RevokedAt,
    };

    internal static UserAccount ToAccount(UserEntity row) => new()
    {
        UserName = row.UserName,
        PasswordHash = row.PasswordHash,
        // A role code this version does not know (written by a newer one) gets the least privilege of a sales user
        // with no owner, who sees nothing.
        Role = UserRoles.TryParse(row.Role, out var role) ? role : UserRole.Sales,
        SalesOwner = UserRoles.TryParse(row.Role, out _) ? row.SalesOwner : null,
        CreatedAt = row.CreatedAt,
        DisabledAt = row.DisabledAt,
        SessionVersion = row.SessionVersion,
    };
}
