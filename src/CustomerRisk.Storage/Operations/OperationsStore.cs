using CustomerRisk.Application.Alerts;
using CustomerRisk.Application.Collateral;
using CustomerRisk.Application.Collections;
using CustomerRisk.Application.Ports;
using CustomerRisk.Application.Reviews;
using CustomerRisk.Application.Webhooks;
using CustomerRisk.Domain;
using CustomerRisk.Policy;
using CustomerRisk.Storage.Credit;
using CustomerRisk.Storage.Entities;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace CustomerRisk.Storage.Operations;

/// <summary>The operations store over EF Core, on either provider: these tables are small next to the ledger (one row
/// per alert, review, action), so the plain EF model is fast enough and keeps both providers in one implementation,
/// except for the alert synchronisation of a whole portfolio run (every active alert read, up to one change per alert),
/// which goes through the providers' bulk paths (<see cref="SqliteAlertRows"/>, <see cref="PostgresAlertRows"/>).
/// Every method opens its own context; each write is one transaction. A person's decision appends its audit record
/// to the credit store's hash chain inside that same transaction (<see cref="CreditStore.AppendAsync(System.Data.Common.DbConnection, System.Data.Common.DbTransaction, AuditEntry, CancellationToken)"/>
/// on the context's connection), so a decision is never kept without its record, nor the record without it.</summary>
internal sealed class OperationsStore : IOperationsStore
{
    private const int ChunkSize = 2000;
    private readonly Func<RiskDbContext> _open;
    private readonly Func<System.Data.Common.DbConnection> _connect;
    private readonly CreditStore _credit;

    /// <param name="open">A new EF Core context on the database.</param>
    /// <param name="connect">A new, unopened plain connection to the same database, for the paths of `assess` that
    /// stay clear of EF Core (<see cref="OperationReads"/>).</param>
    /// <param name="credit">The credit store, for the audit records.</param>
    public OperationsStore(Func<RiskDbContext> open, Func<System.Data.Common.DbConnection> connect, CreditStore credit)
    {
        _open = open;
        _connect = connect;
        _credit = credit;
    }

    public ValueTask DisposeAsync() => _credit.DisposeAsync();

    /// <summary>Appends an audit record inside the context's open transaction (on SQLite, EF Core's transaction is
    /// BEGIN IMMEDIATE and holds the write lock; on PostgreSQL the append locks audit_head last).</summary>
    private Task AuditAsync(RiskDbContext db, AuditEntry entry, CancellationToken cancellationToken)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("An audit record is appended only inside the change's transaction.");
        return _credit.AppendAsync(db.Database.GetDbConnection(), transaction, entry, cancellationToken);
    }

    private async Task<System.Data.Common.DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = _connect();
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    // ---- master data and assessments ----

    public async Task<IReadOnlyList<Customer>> ReadCustomersAsync(string? customerId, CancellationToken cancellationToken = default)
    {
        await using var db = _open();
        var query = db.Customers.AsNoTracking();
        if (customerId is not null)
        {
            query = query.Where(c => c.CustomerId == customerId);
        }

        var rows = await query.OrderBy(c => c.CustomerKey).ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Select(c => new Customer
        {
            CustomerId = c.CustomerId,
            Name = c.Name,
            Industry = c.Industry,
            Region = c.Region,
            SalesOwner = c.SalesOwner,
            AnnualRevenue = c.AnnualRevenue,
            CreditLimit = c.CreditLimit,
            PaymentTermsDays = c.PaymentTermsDays,
            ProductFocus = c.ProductFocus,
            CustomerSince = c.CustomerSince,
        }).OrderBy(c => c.CustomerId, StringComparer.Ordinal).ToArray();
    }

    public async Task<IReadOnlyList<(AssessmentRecord Latest, Grade? PreviousGrade)>> ReadAssessmentHistoryAsync(DateOnly asOf,
        string? customerId, bool overdueOnly, bool includeDetails, CancellationToken cancellationToken = default)
    {
        await using var db = _open();
        var query = db.Assessments.AsNoTracking().Where(a => a.AsOf <= asOf);
        if (customerId is not null)
        {
            query = query.Where(a => a.CustomerId == customerId);
        }

        var heads = await query.Select(a => new { a.AssessmentId, a.CustomerId, a.AsOf, a.Grade, a.OverdueAr })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var picked = new List<(long Id, Grade? Previous)>();
        foreach (var customer in heads.GroupBy(h => h.CustomerId, StringComparer.Ordinal))
        {
            var latest = customer.OrderByDescending(h => h.AsOf).ThenByDescending(h => h.AssessmentId).First();
            if (overdueOnly && latest.OverdueAr <= 0m)
            {
                continue;
            }

            var previous = customer.Where(h => h.AsOf < latest.AsOf)
                .OrderByDescending(h => h.AsOf).ThenByDescending(h => h.AssessmentId).FirstOrDefault();
            picked.Add((latest.AssessmentId, previous?.Grade));
        }

        var previousOf = picked.ToDictionary(p => p.Id, p => p.Previous);
        var result = new List<(AssessmentRecord, Grade?)>(picked.Count);
        foreach (var chunk in picked.Select(p => p.Id).Chunk(ChunkSize))
        {
            var rows = db.Assessments.AsNoTracking().Where(a => chunk.Contains(a.AssessmentId));
            var records = includeDetails
                ? await rows.ToListAsync(cancellationToken).ConfigureAwait(false)
                : await rows.Select(a => new AssessmentEntity
                {
                    AssessmentId = a.AssessmentId, RunId = a.RunId, CustomerId = a.CustomerId, AsOf = a.AsOf, Grade = a.Grade,
                    CreditScore = a.CreditScore, Pd = a.Pd, OpenAr = a.OpenAr, OverdueAr = a.OverdueAr, Exposure = a.Exposure,
                    Dso = a.Dso, ExpectedLoss = a.ExpectedLoss, Details = string.Empty,
                }).ToListAsync(cancellationToken).ConfigureAwait(false);
            result.AddRange(records.Select(a => (new AssessmentRecord
            {
                CustomerId = a.CustomerId, AsOf = a.AsOf, RunId = a.RunId, Grade = a.Grade, CreditScore = a.CreditScore, Pd = a.Pd,
                OpenAr = a.OpenAr, OverdueAr = a.OverdueAr, Exposure = a.Exposure, Dso = a.Dso, ExpectedLoss = a.ExpectedLoss,
                Details = a.Details,
            }, previousOf[a.AssessmentId])));
        }

        return result.OrderBy(r => r.Item1.CustomerId, StringComparer.Ordinal).ToArray();
    }

    // ---- alerts ----

    public async Task<IReadOnlyList<Alert>> ReadAlertsAsync(AlertStatus? status, string? customerId, CancellationToken cancellationToken = default)
    {
        await using var db = _open();
        var query = db.Set<AlertEntity>().AsNoTracking();
        if (status is { } s)
        {
            var code = Application.Operations.OperationCodes.ToCode(s);
            query = query.Where(a => a.Status == code);
        }

        if (customerId is not null)
        {
            query = query.Where(a => a.CustomerId == customerId);
        }

        var rows = await query.OrderByDescending(a => a.LastSeen).ThenByDescending(a => a.AlertId).ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Select(OperationMapping.ToAlert).ToArray();
    }

    public async Task<Alert?> ReadAlertAsync(long alertId, CancellationToken cancellationToken = default)
    {
        await using var db = _open();
        var row = await db.Set<AlertEntity>().AsNoTracking().FirstOrDefaultAsync(a => a.AlertId == alertId, cancellationToken).ConfigureAwait(false);
        return row is null ? null : OperationMapping.ToAlert(row);
    }

    public async Task<AlertPage> SearchAlertsAsync(AlertQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        // PostgreSQL cannot hold a NUL in text; an owner with one (the scope of a sales user without an owner) matches nothing.
        if (query.SalesOwner?.Contains('\0', StringComparison.Ordinal) == true)
        {
            return new AlertPage([], 0);
        }

        await using var db = _open();
        var rows = db.Set<AlertEntity>().AsNoTracking();
        if (query.Status is { } s)
        {
            var code = Application.Operations.OperationCodes.ToCode(s);
            rows = rows.Where(a => a.Status == code);
        }

        if (query.CustomerId is { } customer)
        {
            rows = rows.Where(a => a.CustomerId == customer);
        }

        if (query.Severity is { } severity)
        {
            rows = rows.Where(a => a.Severity == severity);
        }

        if (query.RuleId is { } rule)
        {
            rows = rows.Where(a => a.RuleId == rule);
        }

        if (query.SalesOwner is { } owner)
        {
            rows = rows.Where(a => db.Customers.Any(c => c.CustomerId == a.CustomerId && c.SalesOwner == owner));
        }

        var total = await rows.CountAsync(cancellationToken).ConfigureAwait(false);
        // The queue's order (ListAlerts): severity rank, latest seen, customer id compared byte by byte (PostgreSQL's
        // "C" collation, SQLite's BINARY default), id.
        var ordinal = db is PostgresRiskDbContext ? "C" : "BINARY";
        var page = await rows
            .OrderByDescending(a => a.Severity == "extreme" ? 3 : a.Severity == "high" ? 2 : a.Severity == "medium" ? 1 : a.Severity == "low" ? 0 : -1)
            .ThenByDescending(a => a.LastSeen)
            .ThenBy(a => EF.Functions.Collate(a.CustomerId, ordinal))
            .ThenBy(a => a.AlertId)
            .Skip((int)Math.Min(int.MaxValue, query.Offset)).Take(query.PageSize)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return new AlertPage(page.Select(OperationMapping.ToAlert).ToArray(), total);
    }

    public async Task<IReadOnlyList<Alert>> ReadActiveAlertsAsync(string? customerId, CancellationToken cancellationToken = default)
    {
        // Every alert an assessment run may touch (140,000 on a 100,000-customer portfolio): read without EF's
        // materialisation, as the bulk save below writes them, on a plain connection (no EF model to build).
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return connection switch
        {
            NpgsqlConnection postgres => await PostgresAlertRows.ReadActiveAsync(postgres, customerId, cancellationToken).ConfigureAwait(false),
            SqliteConnection sqlite => SqliteAlertRows.ReadActive(SqliteHandle(sqlite), customerId),
            var other => throw new NotSupportedException($"No bulk alert path for {other.GetType().Name}."),
        };
    }

    public async Task<(IReadOnlyList<Alert> Saved, int DeliveriesQueued)> SaveAlertChangesAsync(IReadOnlyList<AlertChange> changes,
        DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        // A plain connection and transaction (on SQLite BEGIN IMMEDIATE, as EF Core's), so that `assess` builds no EF model.
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var saved = connection switch
        {
            NpgsqlConnection postgres => await PostgresAlertRows.SaveAsync(postgres, changes, cancellationToken).ConfigureAwait(false),
            SqliteConnection sqlite => SqliteAlertRows.Save(SqliteHandle(sqlite), changes, cancellationToken),
            var other => throw new NotSupportedException($"No bulk alert path for {other.GetType().Name}."),
        };
        var queued = await AlertDeliveries.QueueAsync(connection, transaction, changes, saved, at, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return (saved, queued);
    }

    public async Task<Alert> DecideAlertAsync(AlertChange change, DateTimeOffset at, Func<Alert, AuditEntry> audit,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(audit);
        await using var db = _open();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var entity = OperationMapping.ToEntity(change.Alert);
        db.Update(entity);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        var saved = OperationMapping.ToAlert(entity);
        await AlertDeliveries.QueueAsync(db.Database.GetDbConnection(), db.Database.CurrentTransaction!.GetDbTransaction(), [change], [saved], at,
            cancellationToken).ConfigureAwait(false);
        await AuditAsync(db, audit(saved), cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return saved;
    }

    private static SQLitePCL.sqlite3 SqliteHandle(System.Data.Common.DbConnection connection) =>
        ((SqliteConnection)connection).Handle ?? throw new InvalidOperationException("The SQLite connection is not open.");

    // ---- webhooks ----

    public async Task<WebhookSubscription> AddSubscriptionAsync(WebhookSubscription subscription, Func<WebhookSubscription, AuditEntry> audit,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        ArgumentNullException.ThrowIfNull(audit);
        await using var db = _open();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var entity = new WebhookSubscriptionEntity
        {
            Url = subscription.Url,
            Events = string.Join(',', subscription.Events),
            Secret = subscription.Secret,
            Active = subscription.Active,
            CreatedAt = subscription.CreatedAt.ToUniversalTime(),
        };
        db.Add(entity);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        var saved = OperationMapping.ToSubscription(entity);
        await AuditAsync(db, audit(saved), cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return saved;
    }

    public async Task<WebhookSubscription?> RemoveSubscriptionAsync(long subscriptionId, Func<WebhookSubscription, AuditEntry> audit,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(audit);
        await using var db = _open();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        // Only an active subscription changes, so of two removals at once exactly one appends its record.
        var changed = await db.Set<WebhookSubscriptionEntity>().Where(s => s.SubscriptionId == subscriptionId && s.Active)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Active, false), cancellationToken).ConfigureAwait(false);
        var row = await db.Set<WebhookSubscriptionEntity>().AsNoTracking().FirstOrDefaultAsync(s => s.SubscriptionId == subscriptionId, cancellationToken)
            .ConfigureAwait(false);
        if (row is null)
        {
            return null;
        }

        var now = OperationMapping.ToSubscription(row);
        if (changed > 0)
        {
            await AuditAsync(db, audit(now), cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        return now;
    }

    public async Task<IReadOnlyList<WebhookSubscription>> ReadSubscriptionsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = _open();
        var rows = await db.Set<WebhookSubscriptionEntity>().AsNoTracking().OrderBy(s => s.SubscriptionId).ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Select(OperationMapping.ToSubscription).ToArray();
    }

    public async Task<IReadOnlyList<WebhookDelivery>> ReadDueDeliveriesAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default)
    {
        await using var db = _open();
        var utc = now.ToUniversalTime();
        var rows = await db.Set<WebhookDeliveryEntity>().AsNoTracking()
            .Where(d => d.Status == WebhookDeliveryStatus.Pending && d.NextAttemptAt <= utc)
            .Join(db.Set<WebhookSubscriptionEntity>().Where(s => s.Active), d => d.SubscriptionId, s => s.SubscriptionId, (d, s) => new { d, s })
            .OrderBy(x => x.d.DeliveryId)
            .Take(max)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Select(x => OperationMapping.ToDelivery(x.d, x.s)).ToArray();
    }

    public async Task<IReadOnlyList<WebhookDelivery>> ReadDeliveriesAsync(string? status, CancellationToken cancellationToken = default)
    {
        await using var db = _open();
        var query = db.Set<WebhookDeliveryEntity>().AsNoTracking();
        if (status is not null)
        {
            query = query.Where(d => d.Status == status);
        }

        var rows = await query.Join(db.Set<WebhookSubscriptionEntity>(), d => d.SubscriptionId, s => s.SubscriptionId, (d, s) => new { d, s })
            .OrderBy(x => x.d.DeliveryId).ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Select(x => OperationMapping.ToDelivery(x.d, x.s)).ToArray();
    }

    public async Task<IReadOnlyList<WebhookAttempt>> ReadAttemptsAsync(long deliveryId, CancellationToken cancellationToken = default)
    {
        await using var db = _open();
        var rows = await db.Set<WebhookAttemptEntity>().AsNoTracking().Where(a => a.DeliveryId == deliveryId)
            .OrderBy(a => a.Attempt).ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Select(OperationMapping.ToAttempt).ToArray();
    }

    public async Task<WebhookSubscription?> ReadSubscriptionAsync(long subscriptionId, CancellationToken cancellationToken = default)
    {
        await using var db = _open();
        var row = await db.Set<WebhookSubscriptionEntity>().AsNoTracking().FirstOrDefaultAsync(s => s.SubscriptionId == subscriptionId, cancellationToken)
            .ConfigureAwait(false);
        return row is null ? null : OperationMapping.ToSubscription(row);
    }

    public async Task<IReadOnlyList<WebhookDeliveryCounts>> CountDeliveriesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = _open();
        // One row per subscription and status, counted by the database: the outbox is never read into memory.
        var rows = await db.Set<WebhookDeliveryEntity>().AsNoTracking()
            .GroupBy(d => new { d.SubscriptionId, d.Status })
            .Select(g => new { g.Key.SubscriptionId, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.GroupBy(r => r.SubscriptionId).OrderBy(g => g.Key).Select(g => new WebhookDeliveryCounts(g.Key,
            g.Where(r => r.Status == WebhookDeliveryStatus.Pending).Sum(r => r.Count),
            g.Where(r => r.Status == WebhookDeliveryStatus.Delivered).Sum(r => r.Count),
            g.Where(r => r.Status == WebhookDeliveryStatus.Failed).Sum(r => r.Count))).ToArray();
    }

    public async Task<WebhookDeliveryPage> SearchDeliveriesAsync(WebhookDeliveryQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var db = _open();
        var rows = db.Set<WebhookDeliveryEntity>().AsNoTracking().Where(d => d.SubscriptionId == query.SubscriptionId);
        if (query.Status is { } status)
        {
            rows = rows.Where(d => d.Status == status);
        }

        var total = await rows.CountAsync(cancellationToken).ConfigureAwait(false);
        var skip = (int)Math.Min(int.MaxValue, (long)(query.Page - 1) * query.PageSize);
        // Newest first: ids are given in queue order.
        var page = await rows.OrderByDescending(d => d.DeliveryId).Skip(skip).Take(query.PageSize)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var active = await db.Set<WebhookSubscriptionEntity>().AsNoTracking().Where(s => s.SubscriptionId == query.SubscriptionId)
            .Select(s => s.Active).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        var attempts = await AttemptsOfAsync(db, page.Select(d => d.DeliveryId).ToArray(), cancellationToken).ConfigureAwait(false);
        return new WebhookDeliveryPage(page.Select(d => OperationMapping.ToDetail(d, active,
            attempts.TryGetValue(d.DeliveryId, out var made) ? made : [], withPayload: false)).ToArray(), total);
    }

    public async Task<WebhookDeliveryDetail?> ReadDeliveryAsync(long deliveryId, CancellationToken cancellationToken = default)
    {
        await using var db = _open();
        var row = await db.Set<WebhookDeliveryEntity>().AsNoTracking()
            .Join(db.Set<WebhookSubscriptionEntity>(), d => d.SubscriptionId, s => s.SubscriptionId, (d, s) => new { d, s.Active })
            .FirstOrDefaultAsync(x => x.d.DeliveryId == deliveryId, cancellationToken).ConfigureAwait(false);
        if (row is null)
        {
            return null;
        }

        var attempts = await AttemptsOfAsync(db, [deliveryId], cancellationToken).ConfigureAwait(false);
        return OperationMapping.ToDetail(row.d, row.Active, attempts.TryGetValue(deliveryId, out var made) ? made : [], withPayload: true);
    }

    private static async Task<Dictionary<long, WebhookAttempt[]>> AttemptsOfAsync(RiskDbContext db, long[] deliveryIds,
        CancellationToken cancellationToken)
    {
        if (deliveryIds.Length == 0)
        {
            return [];
        }

        var rows = await db.Set<WebhookAttemptEntity>().AsNoTracking().Where(a => deliveryIds.Contains(a.DeliveryId))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.GroupBy(a => a.DeliveryId).ToDictionary(g => g.Key, g => g.OrderBy(a => a.Attempt).Select(OperationMapping.ToAttempt).ToArray());
    }

    public async Task<IReadOnlyList<long>> RequeueFailedDeliveriesAsync(long subscriptionId, long? deliveryId, DateTimeOffset at,
        Func<IReadOnlyList<long>, AuditEntry> audit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(audit);
        await using var db = _open();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        // A no-op update of the active subscription locks its row (PostgreSQL; SQLite's transaction holds the write lock
        // already): a removal or another re-queue of the same subscription waits for this one, so the ids read next are
        // exactly the ones changed.
        var active = await db.Set<WebhookSubscriptionEntity>().Where(s => s.SubscriptionId == subscriptionId && s.Active)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Active, true), cancellationToken).ConfigureAwait(false);
        if (active == 0)
        {
            return [];
        }

        var failed = db.Set<WebhookDeliveryEntity>().Where(d => d.SubscriptionId == subscriptionId && d.Status == WebhookDeliveryStatus.Failed);
        if (deliveryId is { } one)
        {
            failed = failed.Where(d => d.DeliveryId == one);
        }

        var ids = await failed.OrderBy(d => d.DeliveryId).Select(d => d.DeliveryId).ToListAsync(cancellationToken).ConfigureAwait(false);
        if (ids.Count == 0)
        {
            return [];
        }

        var utc = at.ToUniversalTime();
        var changed = 0;
        foreach (var chunk in ids.Chunk(ChunkSize))
        {
            changed += await db.Set<WebhookDeliveryEntity>()
                .Where(d => chunk.Contains(d.DeliveryId) && d.Status == WebhookDeliveryStatus.Failed)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, WebhookDeliveryStatus.Pending)
                    .SetProperty(x => x.NextAttemptAt, utc)
                    .SetProperty(x => x.AttemptsBeforeRetry, x => x.Attempts), cancellationToken).ConfigureAwait(false);
        }

        if (changed != ids.Count)
        {
            throw new InvalidOperationException($"Re-queueing {ids.Count} deliveries changed {changed}; nothing was kept.");
        }

        await AuditAsync(db, audit(ids), cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return ids;
    }

    public async Task RecordAttemptAsync(WebhookAttempt attempt, string status, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        await using var db = _open();
        var delivery = await db.Set<WebhookDeliveryEntity>().FirstOrDefaultAsync(d => d.DeliveryId == attempt.DeliveryId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"There is no webhook delivery {attempt.DeliveryId}.");
        delivery.Status = status;
        delivery.Attempts = attempt.Attempt;
        delivery.NextAttemptAt = nextAttemptAt.ToUniversalTime();
        delivery.LastError = attempt.Error ?? delivery.LastError;
        if (attempt.Succeeded)
        {
            delivery.DeliveredAt = attempt.At.ToUniversalTime();
        }

        db.Add(new WebhookAttemptEntity
        {
            CustomerId = delivery.CustomerId,
            DeliveryId = attempt.DeliveryId,
            Attempt = attempt.Attempt,
            AttemptedAt = attempt.At.ToUniversalTime(),
            StatusCode = attempt.StatusCode,
            Error = attempt.Error,
            DurationMs = attempt.DurationMs,
        });
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    // ---- reviews ----

    public async Task<IReadOnlyDictionary<string, DateOnly>> ReadLastReviewDatesAsync(DateOnly asOf, CancellationToken cancellationToken = default)
    {
        // Plain SQL: every saving `assess` asks (OperationReads).
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await OperationReads.LastReviewDatesAsync(connection, asOf, cancellationToken).ConfigureAwait(false);
    }

    public async Task<CreditReview> SaveReviewAsync(CreditReview review, Func<CreditReview, IReadOnlyList<LimitGrant>, ReviewWrite> write,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(review);
        ArgumentNullException.ThrowIfNull(write);
        await using var db = _open();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var connection = db.Database.GetDbConnection();
        var dbTransaction = transaction.GetDbTransaction();
        // The customer's lock first, as an order check takes it: a grant decided here and a check never interleave.
        await _credit.LockCustomerAsync(connection, dbTransaction, review.CustomerId, cancellationToken).ConfigureAwait(false);
        var entity = OperationMapping.ToEntity(review);
        db.Add(entity);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        var saved = review with { ReviewId = entity.ReviewId };
        var earlier = await _credit.ReadGrantsAsync(connection, dbTransaction, review.CustomerId, cancellationToken).ConfigureAwait(false);
        var plan = write(saved, earlier);
        await _credit.AppendAsync(connection, dbTransaction, plan.Audit, cancellationToken).ConfigureAwait(false);
        if (plan.Grant is { } grant)
        {
            var grantAudit = plan.GrantAudit ?? throw new InvalidOperationException("A review's grant needs its audit record.");
            var stored = await _credit.InsertGrantAsync(connection, dbTransaction, grant with { ReviewId = saved.ReviewId }, cancellationToken)
                .ConfigureAwait(false);
            await _credit.AppendAsync(connection, dbTransaction, grantAudit(stored), cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return saved;
    }

    public async Task<CreditReview?> ReadReviewAsync(long reviewId, CancellationToken cancellationToken = default)
    {
        await using var db = _open();
        var row = await db.Set<CreditReviewEntity>().AsNoTracking().FirstOrDefaultAsync(r => r.ReviewId == reviewId, cancellationToken).ConfigureAwait(false);
        return row is null ? null : OperationMapping.ToReview(row);
    }

    public async Task<IReadOnlyList<CreditReview>> ReadReviewsAsync(string? customerId, CancellationToken cancellationToken = default)
    {
        await using var db = _open();
        var query = db.Set<CreditReviewEntity>().AsNoTracking();
        if (customerId is not null)
        {
            query = query.Where(r => r.CustomerId == customerId);
        }

        var rows = await query.OrderByDescending(r => r.ReviewedOn).ThenByDescending(r => r.ReviewId).ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Select(OperationMapping.ToReview).ToArray();
    }

    public async Task<IReadOnlyList<ExpertScore>> ReadExpertScoresAsync(string customerId, CancellationToken cancellationToken = default)
    {
        await using var db = _open();
        var rows = await db.ExpertScores.AsNoTracking().Where(s => s.CustomerId == customerId)
            .OrderBy(s => s.Round).ThenBy(s => s.ExpertScoreKey).ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Select(s => new ExpertScore
        {
            CustomerId = s.CustomerId, Round = s.Round, ExpertId = s.ExpertId, Date = s.ScoreDate, Criterion = s.Criterion, Score = s.Score,
        }).ToArray();
    }

    // ---- collections ----

    public async Task<CollectionAction> SaveActionAsync(CollectionAction action, Interaction? behaviour, Func<CollectionAction, AuditEntry> audit,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(audit);
        await using var db = _open();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var entity = OperationMapping.ToEntity(action);
        db.Add(entity);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        if (behaviour is not null)
        {
            await UpsertInteractionAsync(db, behaviour, entity.ActionId, cancellationToken).ConfigureAwait(false);
        }

        var saved = OperationMapping.ToAction(entity);
        await AuditAsync(db, audit(saved), cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return saved;
    }

    public async Task<PaymentPromise> SavePromiseAsync(PaymentPromise promise, Interaction? behaviour, Func<PaymentPromise, AuditEntry> audit,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(promise);
        ArgumentNullException.ThrowIfNull(audit);
        await using var db = _open();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var entity = OperationMapping.ToEntity(promise);
        db.Add(entity);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        if (behaviour is not null)
        {
            await UpsertInteractionAsync(db, behaviour, entity.PromiseId, cancellationToken).ConfigureAwait(false);
        }

        var saved = OperationMapping.ToPromise(entity);
        await AuditAsync(db, audit(saved), cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return saved;
    }

    public async Task SavePromiseOutcomesAsync(IReadOnlyList<PaymentPromise> promises, IReadOnlyList<Interaction> behaviour,
        IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(promises);
        ArgumentNullException.ThrowIfNull(behaviour);
        ArgumentNullException.ThrowIfNull(audit);
        await using var db = _open();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var promise in promises)
        {
            db.Update(OperationMapping.ToEntity(promise));
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        foreach (var row in behaviour)
        {
            await UpsertInteractionAsync(db, row, 0, cancellationToken).ConfigureAwait(false);
        }

        foreach (var entry in audit)
        {
            await AuditAsync(db, entry, cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<CollectionAction>> ReadActionsAsync(string? customerId, CancellationToken cancellationToken = default)
    {
        await using var db = _open();
        var query = db.Set<CollectionActionEntity>().AsNoTracking();
        if (customerId is not null)
        {
            query = query.Where(a => a.CustomerId == customerId);
        }

        var rows = await query.OrderByDescending(a => a.ActionDate).ThenByDescending(a => a.ActionId).ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Select(OperationMapping.ToAction).ToArray();
    }

    public async Task<IReadOnlyList<PaymentPromise>> ReadPromisesAsync(string? customerId, PromiseStatus? status, CancellationToken cancellationToken = default)
    {
        await using var db = _open();
        var query = db.Set<PaymentPromiseEntity>().AsNoTracking();
        if (customerId is not null)
        {
            query = query.Where(p => p.CustomerId == customerId);
        }

        if (status is { } s)
        {
            var code = Application.Operations.OperationCodes.ToCode(s);
            query = query.Where(p => p.Status == code);
        }

        var rows = await query.OrderBy(p => p.PayBy).ThenBy(p => p.PromiseId).ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Select(OperationMapping.ToPromise).ToArray();
    }

    public async Task<decimal> SumPaymentsAsync(string customerId, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        await using var db = _open();
        // Summed here rather than in SQL: SQLite stores amounts as scaled integers behind a value converter.
        var amounts = await db.Payments.AsNoTracking()
            .Where(p => p.CustomerId == customerId && p.PaymentDate >= from && p.PaymentDate <= to)
            .Select(p => p.Amount).ToListAsync(cancellationToken).ConfigureAwait(false);
        return amounts.Sum();
    }

    // ---- collateral ----

    public async Task<CollateralItem> AddCollateralAsync(CollateralItem item, Func<CollateralItem, AuditEntry> audit,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(audit);
        await using var db = _open();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var entity = OperationMapping.ToEntity(item);
        db.Add(entity);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        var saved = OperationMapping.ToItem(entity);
        await AuditAsync(db, audit(saved), cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return saved;
    }

    public async Task<IReadOnlyList<CollateralItem>> ReadCollateralAsync(string? customerId, CancellationToken cancellationToken = default)
    {
        // Plain SQL: every saving `assess` asks, twice (OperationReads).
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await OperationReads.CollateralAsync(connection, customerId, cancellationToken).ConfigureAwait(false);
        return rows.Select(OperationMapping.ToItem).OrderBy(c => c.CustomerId, StringComparer.Ordinal).ThenBy(c => c.CoverId).ToArray();
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<CreditCover>>> ReadCoversAsync(DateOnly asOf, CancellationToken cancellationToken = default)
    {
        await using var db = _open();
        var rows = await db.Set<CollateralEntity>().AsNoTracking()
            .Where(c => c.ValidFrom <= asOf && (c.Expiry == null || c.Expiry >= asOf))
            .OrderBy(c => c.CoverId).ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Select(OperationMapping.ToItem)
            .GroupBy(c => c.CustomerId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<CreditCover>)g.Select(c => c.ToCover()).ToArray(), StringComparer.Ordinal);
    }

    /// <summary>Writes a behaviour row into interactions, keyed by event_id as the import does ("{id}" in the event id
    /// becomes <paramref name="id"/>).</summary>
    private static async Task UpsertInteractionAsync(RiskDbContext db, Interaction row, long id, CancellationToken cancellationToken)
    {
        var eventId = row.EventId.Replace("{id}", id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var customerKey = await db.Customers.AsNoTracking().Where(c => c.CustomerId == row.CustomerId).Select(c => c.CustomerKey)
            .FirstAsync(cancellationToken).ConfigureAwait(false);
        var existing = await db.Interactions.FirstOrDefaultAsync(i => i.EventId == eventId, cancellationToken).ConfigureAwait(false);
        if (existing is null)
        {
            db.Add(new InteractionEntity
            {
                EventId = eventId,
                CustomerId = row.CustomerId,
                CustomerKey = customerKey,
                EventDate = row.Date,
                Type = row.Type,
                Amount = row.Amount,
                Note = row.Note,
            });
        }
        else
        {
            existing.EventDate = row.Date;
            existing.Type = row.Type;
            existing.Amount = row.Amount;
            existing.Note = row.Note;
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }
}
