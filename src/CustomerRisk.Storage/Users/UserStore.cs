using CustomerRisk.Application.Ports;
using CustomerRisk.Application.Users;
using Microsoft.EntityFrameworkCore;

namespace CustomerRisk.Storage.Users;

/// <summary>Users and API tokens through EF Core, on either provider.</summary>
internal sealed class UserStore(RiskDbContext context) : IUserStore
{
    public async Task<UserAccount?> FindAsync(string userName, CancellationToken cancellationToken = default)
    {
        var row = await context.Set<UserEntity>().AsNoTracking()
            .FirstOrDefaultAsync(u => u.UserName == userName, cancellationToken).ConfigureAwait(false);
        return row is null ? null : ToAccount(row);
    }

    public async Task<UserAccount?> FindByTokenAsync(string tokenHash, CancellationToken cancellationToken = default)
    {
        var row = await (from t in context.Set<ApiTokenEntity>()
                         join u in context.Set<UserEntity>() on t.UserName equals u.UserName
                         where t.TokenHash == tokenHash
                         select u).AsNoTracking().FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return row is null ? null : ToAccount(row);
    }

    public async Task<IReadOnlyList<UserAccount>> ListAsync(CancellationToken cancellationToken = default)
    {
        var rows = await context.Set<UserEntity>().AsNoTracking().OrderBy(u => u.UserName)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Select(ToAccount).ToArray();
    }

    public async Task<bool> AddAsync(UserAccount user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
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
            return true;
        }
        catch (DbUpdateException)
        {
            // Another process added the same name between the check and the insert.
            return false;
        }
    }

    public async Task AddTokenAsync(ApiTokenRecord token, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(token);
        context.Add(new ApiTokenEntity
        {
            TokenHash = token.TokenHash,
            UserName = token.UserName,
            Label = token.Label,
            CreatedAt = token.CreatedAt.ToUniversalTime(),
        });
        await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => context.DisposeAsync();

    private static UserAccount ToAccount(UserEntity row) => new()
    {
        UserName = row.UserName,
        PasswordHash = row.PasswordHash,
        // A role code this version does not know (written by a newer one) gets the least privilege of a sales user
        // with no owner, who sees nothing.
        Role = UserRoles.TryParse(row.Role, out var role) ? role : UserRole.Sales,
        SalesOwner = UserRoles.TryParse(row.Role, out _) ? row.SalesOwner : null,
        CreatedAt = row.CreatedAt,
    };
}
