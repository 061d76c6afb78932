using System.Data.Common;
using CustomerRisk.Application.Models;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CustomerRisk.Storage.Models;

/// <summary>The models registry on the store's own database, through EF Core (a handful of rows: no bulk path needed).
/// Open it with <see cref="Open"/> on a migrated store.</summary>
public sealed class ModelRegistryStore : IModelRegistry
{
    private readonly Func<RiskDbContext> _context;
    private readonly Func<DbConnection> _connection;
    private readonly bool _postgres;

    private ModelRegistryStore(Func<RiskDbContext> context, Func<DbConnection> connection, bool postgres)
    {
        _context = context;
        _connection = connection;
        _postgres = postgres;
    }

    /// <summary>The registry of the store named like <c>--db</c>: a SQLite file path or a PostgreSQL connection string.
    /// The store must be migrated (<see cref="RiskStoreFactory.OpenMigratedAsync"/>).</summary>
    public static IModelRegistry Open(string db)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(db);
        if (RiskStoreFactory.IsPostgres(db))
        {
            return new ModelRegistryStore(() => new PostgresRiskDbContext(db), () => new NpgsqlConnection(db), postgres: true);
        }

        var connectionString = new SqliteConnectionStringBuilder { DataSource = db, DefaultTimeout = 30 }.ToString();
        return new ModelRegistryStore(() => new SqliteRiskDbContext(connectionString), () => new SqliteConnection(connectionString), postgres: false);
    }

    public async Task<RegisteredModel> AddAsync(RegisteredModel model, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        await using var context = _context();
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var models = context.Set<RiskModelEntity>();
        var latest = await models.Where(m => m.ModelId == model.ModelId)
            .MaxAsync(m => (int?)m.Version, cancellationToken).ConfigureAwait(false);
        var entity = new RiskModelEntity
        {
            ModelId = model.ModelId,
            Version = (latest ?? 0) + 1,
            Algorithm = model.Algorithm,
            CreatedAt = model.CreatedAt.ToUniversalTime(),
            TrainingDataSha256 = model.TrainingDataSha256,
            Metrics = model.MetricsJson,
            ModelFile = model.ModelFileJson,
            ValidationCurves = model.CurvesJson,
            IsActive = false,
        };
        models.Add(entity);
        await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return ToModel(entity);
    }

    public async Task<IReadOnlyList<RegisteredModel>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var context = _context();
        var rows = await context.Set<RiskModelEntity>().AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.OrderBy(r => r.CreatedAt).ThenBy(r => r.ModelId, StringComparer.Ordinal).ThenBy(r => r.Version)
            .Select(ToModel).ToArray();
    }

    public async Task<RegisteredModel?> ReadAsync(string modelId, int? version = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(modelId);
        await using var context = _context();
        var query = context.Set<RiskModelEntity>().AsNoTracking().Where(m => m.ModelId == modelId);
        if (version is { } v)
        {
            query = query.Where(m => m.Version == v);
        }

        var row = await query.OrderByDescending(m => m.Version).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return row is null ? null : ToModel(row);
    }

    public async Task ActivateAsync(string modelId, int version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(modelId);
        await using var context = _context();
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var models = context.Set<RiskModelEntity>();
        // Deactivate first: the partial unique index allows one active row at any moment.
        await models.Where(m => m.IsActive).ExecuteUpdateAsync(s => s.SetProperty(m => m.IsActive, false), cancellationToken)
            .ConfigureAwait(false);
        var changed = await models.Where(m => m.ModelId == modelId && m.Version == version)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.IsActive, true), cancellationToken).ConfigureAwait(false);
        if (changed != 1)
        {
            throw new KeyNotFoundException($"No model '{modelId}' version {version} is registered.");
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task DeactivateAllAsync(CancellationToken cancellationToken = default)
    {
        await using var context = _context();
        await context.Set<RiskModelEntity>().Where(m => m.IsActive)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.IsActive, false), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Plain SQL rather than EF: every `assess` asks, and building the EF model would cost it a few hundred
    /// milliseconds.</summary>
    public async Task<RegisteredModel?> ReadActiveAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = _connection();
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT model_id, version, algorithm, created_at, training_data_sha256, metrics, model_file " +
                              "FROM risk_models WHERE is_active" + (_postgres ? "" : " = 1");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return new RegisteredModel
        {
            ModelId = reader.GetString(0),
            Version = reader.GetInt32(1),
            Algorithm = reader.GetString(2),
            CreatedAt = _postgres ? reader.GetFieldValue<DateTimeOffset>(3) : StoredInstant.Parse(reader.GetString(3)),
            TrainingDataSha256 = reader.GetString(4),
            MetricsJson = reader.GetString(5),
            ModelFileJson = reader.GetString(6),
            IsActive = true,
        };
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static RegisteredModel ToModel(RiskModelEntity e) => new()
    {
        ModelId = e.ModelId,
        Version = e.Version,
        Algorithm = e.Algorithm,
        CreatedAt = e.CreatedAt,
        TrainingDataSha256 = e.TrainingDataSha256,
        MetricsJson = e.Metrics,
        ModelFileJson = e.ModelFile,
        CurvesJson = e.ValidationCurves,
        IsActive = e.IsActive,
    };
}
