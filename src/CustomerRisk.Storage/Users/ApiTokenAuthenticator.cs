using System.Data.Common;
using CustomerRisk.Application.Ports;
using CustomerRisk.Application.Users;
using CustomerRisk.Storage.Sqlite;
using Npgsql;

namespace CustomerRisk.Storage.Users;

/// <summary>The bearer-token look-up of every API request, in plain SQL: one primary-key read of api_tokens joined to
/// users. On SQLite it runs on kept connections with the statement prepared; on PostgreSQL through one pooled data
/// source. A disabled user's tokens match no row. Whether the token is still valid (not revoked, not expired) is decided by
/// <see cref="ApiTokenRecord.IsValidAt"/>, as everywhere else.</summary>
internal sealed class ApiTokenAuthenticator : IApiTokenAuthenticator
{
    private const string Sql =
        "SELECT u.user_name, u.password_hash, u.role, u.sales_owner, u.created_at, t.label, t.created_at, t.expires_at, t.revoked_at, " +
        "u.session_version FROM api_tokens t JOIN users u ON u.user_name = t.user_name WHERE t.token_hash = @hash AND u.disabled_at IS NULL";

    private static readonly string SqliteSql = Sql.Replace("@hash", "?1", StringComparison.Ordinal);

    private readonly PreparedSqlitePool? _sqlite;
    private readonly NpgsqlDataSource? _postgres;

    public ApiTokenAuthenticator(string db)
    {
        if (RiskStoreFactory.IsPostgres(db))
        {
            _postgres = NpgsqlDataSource.Create(db);
        }
        else
        {
            _sqlite = new PreparedSqlitePool(db, "PRAGMA busy_timeout=30000;");
        }
    }

    public async ValueTask<UserAccount?> AuthenticateAsync(string tokenHash, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tokenHash);
        if (_sqlite is not null)
        {
            // A native statement: no reader, parameter or boxing per request.
            using var connection = _sqlite.Rent();
            var select = connection.Statement(SqliteSql);
            select.Text(1, tokenHash);
            try
            {
                return select.Step() ? Read(select, tokenHash, now) : null;
            }
            finally
            {
                select.Reset();
            }
        }

        await using var pg = await _postgres!.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var query = new NpgsqlCommand(Sql, pg);
        query.Parameters.AddWithValue("hash", tokenHash);
        await using var rows = await query.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await rows.ReadAsync(cancellationToken).ConfigureAwait(false) ? Read(rows, tokenHash, now) : null;
    }

    public async ValueTask DisposeAsync()
    {
        _sqlite?.Dispose();
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static UserAccount? Read(SqliteStatement r, string tokenHash, DateTimeOffset now)
    {
        DateTimeOffset Instant(int column) => StoredInstant.Parse(r.Text(column));
        var token = new ApiTokenRecord
        {
            TokenHash = tokenHash,
            UserName = r.Text(0),
            Label = r.IsNull(5) ? null : r.Text(5),
            CreatedAt = Instant(6),
            ExpiresAt = r.IsNull(7) ? null : Instant(7),
            RevokedAt = r.IsNull(8) ? null : Instant(8),
        };
        if (!token.IsValidAt(now))
        {
            return null;
        }

        return UserStore.ToAccount(new UserEntity
        {
            UserName = r.Text(0),
            PasswordHash = r.Text(1),
            Role = r.Text(2),
            SalesOwner = r.IsNull(3) ? null : r.Text(3),
            CreatedAt = Instant(4),
            SessionVersion = (int)r.Int64(9),
        });
    }

    private static UserAccount? Read(DbDataReader r, string tokenHash, DateTimeOffset now)
    {
        DateTimeOffset Instant(int column) => r.GetFieldValue<DateTimeOffset>(column);
        var token = new ApiTokenRecord
        {
            TokenHash = tokenHash,
            UserName = r.GetString(0),
            Label = r.IsDBNull(5) ? null : r.GetString(5),
            CreatedAt = Instant(6),
            ExpiresAt = r.IsDBNull(7) ? null : Instant(7),
            RevokedAt = r.IsDBNull(8) ? null : Instant(8),
        };
        if (!token.IsValidAt(now))
        {
            return null;
        }

        return UserStore.ToAccount(new UserEntity
        {
            UserName = r.GetString(0),
            PasswordHash = r.GetString(1),
            Role = r.GetString(2),
            SalesOwner = r.IsDBNull(3) ? null : r.GetString(3),
            CreatedAt = Instant(4),
            SessionVersion = r.GetInt32(9),
        });
    }
}
