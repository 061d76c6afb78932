using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text.Json;
using CustomerRisk.Application.Credit;
using CustomerRisk.Application.Ports;

namespace CustomerRisk.Storage.Credit;

/// <summary>The credit store on either database: plain SQL through ADO.NET, the differences in <see cref="CreditDialect"/>.
/// Every call opens its own (pooled) connection, so one instance serves many threads.</summary>
internal sealed class CreditStore : ICreditStore
{
    private const int Attempts = 5;

    /// <summary>The most checks committed in one transaction: bounds the wait of the first check of a batch.</summary>
    internal const int MaxChecksPerCommit = 64;
    private const string PolicyColumns = "policy_id, version, content_hash, policy_text, source_name, loaded_at, loaded_by, active";
    private const string LimitColumns = "limit_id, customer_id, amount, kind, valid_from, valid_to, approver, reason, granted_at, review_id";
    private const string CheckColumns = "check_id, customer_id, order_id, amount, as_of, checked_at, actor, decision, reasons, grade, " +
                                        "open_ar, open_orders, exposure, credit_limit, limit_source, oldest_dpd, policy_version";
    private const string AuditColumns = "seq, at, actor, action, entity, customer_id, before_json, after_json, prev_hash, hash";

    private const string ActivePolicyWithText = $"SELECT {PolicyColumns} FROM policies WHERE active = @active";
    private const string ActivePolicyWithoutText = "SELECT policy_id, version, content_hash, '', source_name, loaded_at, loaded_by, active " +
                                                   "FROM policies WHERE active = @active";

    private static readonly JsonSerializerOptions ReasonsJson = CreditJson.Options;

    private readonly CreditDialect _sql;
    private readonly TimeProvider _clock;
    private readonly ConcurrentQueue<PendingCheck> _pendingChecks = new();
    private int _committing;
    private Task _committer = Task.CompletedTask;
    private volatile bool _disposed;

    public CreditStore(CreditDialect dialect, TimeProvider clock)
    {
        _sql = dialect;
        _clock = clock;
    }

    public string Provider => _sql.Provider;

    /// <summary>Test seam, null in use: awaited inside an order check's transaction after its exposure was read and
    /// the order decided, before the check is written — where two unserialised checks would both have read. A test
    /// holds a check here to show that a second check of the customer cannot read until the first has committed.</summary>
    internal Func<OrderCheckRecord, CancellationToken, Task>? AfterCheckDecided { get; set; }

    /// <summary>Test seam, null in use: told the number of checks each group commit recorded, after the commit.</summary>
    internal Action<int>? BatchCommitted { get; set; }

    /// <summary>Checks queued for the next group commit (a test waits for its batch to fill).</summary>
    internal int QueuedChecks => _pendingChecks.Count;

    // ---- policies -------------------------------------------------------------------------------------------------

    public async Task<StoredPolicy?> ReadActivePolicyAsync(bool withText = true, CancellationToken cancellationToken = default)
    {
        await using var connection = await _sql.OpenAsync(cancellationToken).ConfigureAwait(false);
        // Every order check asks for it (without its text): on SQLite through a native statement.
        if (!withText && connection is Sqlite.PreparedSqliteConnection sqlite)
        {
            return SqliteOrderCheckStatements.ActivePolicyWithoutText(sqlite);
        }

        await using var command = Command(connection, null, withText ? ActivePolicyWithText : ActivePolicyWithoutText);
        Add(command, "active", _sql.Flag(true));
        return await ReadOneAsync(command, r => ReadPolicy(r, withText), cancellationToken).ConfigureAwait(false);
    }

    public async Task<StoredPolicy?> ReadPolicyAsync(string version, CancellationToken cancellationToken = default)
    {
        await using var connection = await _sql.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null,
            $"SELECT {PolicyColumns} FROM policies WHERE version = @version ORDER BY policy_id DESC LIMIT 1");
        Add(command, "version", version);
        return await ReadOneAsync(command, r => ReadPolicy(r, withText: true), cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<StoredPolicy>> ListPoliciesAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _sql.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, $"SELECT {PolicyColumns} FROM policies ORDER BY policy_id");
        return await ReadAllAsync(command, r => ReadPolicy(r, withText: false), cancellationToken).ConfigureAwait(false);
    }

    public Task<StoredPolicy> ActivatePolicyAsync(StoredPolicy policy, Func<StoredPolicy?, StoredPolicy, AuditEntry> audit,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(audit);
        return WriteAsync(null, async (connection, transaction) =>
        {
            // The audit head's lock first: policy changes queue one behind the other (on SQLite the write lock does).
            await using (var lockHead = Command(connection, transaction, _sql.LockAuditHead))
            {
                await lockHead.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            StoredPolicy? previous;
            await using (var read = Command(connection, transaction, $"SELECT {PolicyColumns} FROM policies WHERE active = @active"))
            {
                Add(read, "active", _sql.Flag(true));
                previous = await ReadOneAsync(read, r => ReadPolicy(r, withText: true), cancellationToken).ConfigureAwait(false);
            }

            // Loading the active text again changes nothing and is not a decision worth an audit record.
            if (previous is not null && previous.ContentHash == policy.ContentHash)
            {
                return previous;
            }

            await using (var clear = Command(connection, transaction, "UPDATE policies SET active = @inactive WHERE active = @active"))
            {
                Add(clear, "inactive", _sql.Flag(false));
                Add(clear, "active", _sql.Flag(true));
                await clear.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            // The same text loaded again becomes active again rather than a second row.
            StoredPolicy stored;
            await using (var upsert = Command(connection, transaction,
                             "INSERT INTO policies (version, content_hash, policy_text, source_name, loaded_at, loaded_by, active) " +
                             "VALUES (@version, @hash, @text, @source, @at, @by, @active) " +
                             "ON CONFLICT (content_hash) DO UPDATE SET active = excluded.active " +
                             $"RETURNING {PolicyColumns}"))
            {
                Add(upsert, "version", policy.Version);
                Add(upsert, "hash", policy.ContentHash);
                Add(upsert, "text", policy.Text);
                Add(upsert, "source", policy.SourceName);
                Add(upsert, "at", _sql.Instant(policy.LoadedAt));
                Add(upsert, "by", policy.LoadedBy);
                Add(upsert, "active", _sql.Flag(true));
                stored = (await ReadOneAsync(upsert, r => ReadPolicy(r, withText: true), cancellationToken).ConfigureAwait(false))!;
            }

            await AppendAsync(connection, transaction, audit(previous, stored), cancellationToken).ConfigureAwait(false);
            return stored;
        }, cancellationToken);
    }

    // ---- limits ---------------------------------------------------------------------------------------------------

    public async Task<IReadOnlyList<LimitGrant>> ReadLimitGrantsAsync(string customerId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _sql.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await ReadGrantsAsync(connection, null, customerId, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<LimitGrant>> ReadAllLimitGrantsAsync(string? customerId = null, CancellationToken cancellationToken = default)
    {
        if (customerId is not null)
        {
            return await ReadLimitGrantsAsync(customerId, cancellationToken).ConfigureAwait(false);
        }

        await using var connection = await _sql.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, $"SELECT {LimitColumns} FROM credit_limits ORDER BY customer_id, limit_id");
        return await ReadAllAsync(command, ReadGrant, cancellationToken).ConfigureAwait(false);
    }

    public Task<LimitGrant> GrantLimitAsync(LimitGrant grant, Func<IReadOnlyList<LimitGrant>, LimitGrant, AuditEntry> audit,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(grant);
        ArgumentNullException.ThrowIfNull(audit);
        return WriteAsync(grant.CustomerId, async (connection, transaction) =>
        {
            var earlier = await ReadGrantsAsync(connection, transaction, grant.CustomerId, cancellationToken).ConfigureAwait(false);
            var stored = await InsertGrantAsync(connection, transaction, grant, cancellationToken).ConfigureAwait(false);
            await AppendAsync(connection, transaction, audit(earlier, stored), cancellationToken).ConfigureAwait(false);
            return stored;
        }, cancellationToken);
    }

    /// <summary>Inserts a grant inside a write transaction the caller holds (with the customer's lock), also one begun
    /// by the operations store for a review's grant.</summary>
    internal async Task<LimitGrant> InsertGrantAsync(DbConnection connection, DbTransaction transaction, LimitGrant grant,
        CancellationToken cancellationToken)
    {
        await using var insert = Command(connection, transaction,
            "INSERT INTO credit_limits (customer_id, amount, kind, valid_from, valid_to, approver, reason, granted_at, review_id) " +
            "VALUES (@customer, @amount, @kind, @from, @to, @approver, @reason, @at, @review) " +
            $"RETURNING {LimitColumns}");
        Add(insert, "customer", grant.CustomerId);
        Add(insert, "amount", _sql.Money(grant.Amount));
        Add(insert, "kind", KindCode(grant.Kind));
        Add(insert, "from", _sql.Date(grant.ValidFrom));
        Add(insert, "to", _sql.NullableDate(grant.ValidTo));
        Add(insert, "approver", grant.Approver);
        Add(insert, "reason", grant.Reason);
        Add(insert, "at", _sql.Instant(grant.GrantedAt));
        Add(insert, "review", grant.ReviewId);
        return (await ReadOneAsync(insert, ReadGrant, cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>Takes the customer's credit-check lock inside a transaction begun elsewhere (see
    /// <see cref="CreditDialect.LockCustomerAsync"/>).</summary>
    internal Task LockCustomerAsync(DbConnection connection, DbTransaction transaction, string customerId,
        CancellationToken cancellationToken) => _sql.LockCustomerAsync(connection, transaction, customerId, cancellationToken);

    // ---- figures cache --------------------------------------------------------------------------------------------

    public async Task<CachedFigures> ReadFiguresAsync(string customerId, DateOnly asOf, string policyVersion,
        CancellationToken cancellationToken = default)
    {
        await using var connection = await _sql.OpenAsync(cancellationToken).ConfigureAwait(false);
        if (connection is Sqlite.PreparedSqliteConnection sqlite)
        {
            return SqliteOrderCheckStatements.Figures(sqlite, customerId, asOf, policyVersion);
        }

        // One round trip: the ledger generation (imports so far) beside the cached row, if any.
        await using var command = Command(connection, null,
            "SELECT g.generation, f.generation, f.policy_version, f.as_of, f.grade, f.open_ar, f.overdue_ar, f.oldest_dpd, " +
            "f.imported_open_orders, f.imported_credit_limit, f.sales_12m, f.annual_revenue " +
            "FROM (SELECT count(*) AS generation FROM import_runs) g " +
            "LEFT JOIN credit_figures f ON f.customer_id = @customer");
        Add(command, "customer", customerId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        var generation = reader.GetInt64(0);
        if (reader.IsDBNull(1) || reader.GetInt64(1) != generation || reader.GetString(2) != policyVersion
            || _sql.Date(reader, 3) != asOf)
        {
            return new CachedFigures(null, generation);
        }

        return new CachedFigures(new CustomerCreditFigures
        {
            CustomerId = customerId,
            AsOf = asOf,
            PolicyVersion = policyVersion,
            Grade = reader.GetString(4),
            OpenAr = _sql.Money(reader, 5),
            OverdueAr = _sql.Money(reader, 6),
            OldestDpd = reader.GetInt32(7),
            ImportedOpenOrders = _sql.Money(reader, 8),
            ImportedCreditLimit = _sql.NullableMoney(reader, 9),
            Sales12m = _sql.Money(reader, 10),
            AnnualRevenue = _sql.NullableMoney(reader, 11),
        }, generation);
    }

    public async Task SaveFiguresAsync(CustomerCreditFigures figures, long generation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(figures);
        await WriteAsync<bool>(null, async (connection, transaction) =>
        {
            await using var upsert = Command(connection, transaction,
                "INSERT INTO credit_figures (customer_id, as_of, generation, policy_version, grade, open_ar, overdue_ar, oldest_dpd, " +
                "imported_open_orders, imported_credit_limit, sales_12m, annual_revenue) " +
                "VALUES (@customer, @asOf, @generation, @policy, @grade, @openAr, @overdueAr, @dpd, @orders, @limit, @sales, @revenue) " +
                "ON CONFLICT (customer_id) DO UPDATE SET as_of = excluded.as_of, generation = excluded.generation, " +
                "policy_version = excluded.policy_version, grade = excluded.grade, open_ar = excluded.open_ar, " +
                "overdue_ar = excluded.overdue_ar, oldest_dpd = excluded.oldest_dpd, imported_open_orders = excluded.imported_open_orders, " +
                "imported_credit_limit = excluded.imported_credit_limit, sales_12m = excluded.sales_12m, annual_revenue = excluded.annual_revenue");
            Add(upsert, "customer", figures.CustomerId);
            Add(upsert, "asOf", _sql.Date(figures.AsOf));
            Add(upsert, "generation", generation);
            Add(upsert, "policy", figures.PolicyVersion);
            Add(upsert, "grade", figures.Grade);
            Add(upsert, "openAr", _sql.Money(figures.OpenAr));
            Add(upsert, "overdueAr", _sql.Money(figures.OverdueAr));
            Add(upsert, "dpd", figures.OldestDpd);
            Add(upsert, "orders", _sql.Money(figures.ImportedOpenOrders));
            Add(upsert, "limit", _sql.NullableMoney(figures.ImportedCreditLimit));
            Add(upsert, "sales", _sql.Money(figures.Sales12m));
            Add(upsert, "revenue", _sql.NullableMoney(figures.AnnualRevenue));
            await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }, cancellationToken).ConfigureAwait(false);
    }

    // ---- order checks ---------------------------------------------------------------------------------------------

    public Task<OrderCheckRecord> DecideOrderAsync(string customerId, string orderId, Func<CheckExposure, OrderCheckRecord> decide,
        Func<OrderCheckRecord, AuditEntry> audit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(customerId);
        ArgumentNullException.ThrowIfNull(orderId);
        ArgumentNullException.ThrowIfNull(decide);
        ArgumentNullException.ThrowIfNull(audit);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<OrderCheckRecord>(cancellationToken);
        }

        var check = new PendingCheck(customerId, orderId, decide, audit, cancellationToken);
        _pendingChecks.Enqueue(check);
        if (Interlocked.CompareExchange(ref _committing, 1, 0) == 0)
        {
            _committer = Task.Run(CommitChecksAsync);
        }

        return check.Task;
    }

    /// <summary>Group commit: one committer at a time takes every queued check (up to <see cref="MaxChecksPerCommit"/>)
    /// and decides them one after another in one write transaction, each seeing what the ones before it approved, then
    /// commits them together. The serialisation is the single committer (and, as before, the database write lock on
    /// SQLite, the customers' advisory locks on PostgreSQL); what is saved is the per-transaction cost — BEGIN, COMMIT
    /// with its WAL pages, the audit head's read and write — shared by the whole batch instead of paid per check.</summary>
    private async Task CommitChecksAsync()
    {
        var batch = new List<PendingCheck>(MaxChecksPerCommit);
        while (true)
        {
            while (batch.Count < MaxChecksPerCommit && _pendingChecks.TryDequeue(out var next))
            {
                batch.Add(next);
            }

            if (batch.Count == 0)
            {
                Volatile.Write(ref _committing, 0);
                // A check queued after the last dequeue but before the flag went down found a committer running: take it.
                if (_pendingChecks.IsEmpty || Interlocked.CompareExchange(ref _committing, 1, 0) != 0)
                {
                    return;
                }

                continue;
            }

            try
            {
                await CommitBatchAsync(batch).ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                // The transaction could not begin or commit: none of these checks is recorded, and each caller hears so.
                foreach (var check in batch)
                {
                    check.TrySetException(exception);
                }
            }

            batch.Clear();
        }
    }

    /// <summary>Decides and records <paramref name="batch"/> in one transaction. A check that fails is answered with its
    /// error and the others are decided again without it in a new transaction (so none of them is committed on
    /// exposure that includes the failed one); a transient conflict retries the whole batch.</summary>
    private async Task CommitBatchAsync(List<PendingCheck> batch)
    {
        var attempt = 1;
        while (true)
        {
            for (var i = batch.Count - 1; i >= 0; i--)
            {
                if (batch[i].CancellationToken.IsCancellationRequested)
                {
                    batch[i].TrySetCanceled(batch[i].CancellationToken);
                    batch.RemoveAt(i);
                }
            }

            if (batch.Count == 0)
            {
                return;
            }

            var decided = new OrderCheckRecord[batch.Count];
            var failedAt = -1;
            Exception? failure = null;
            try
            {
                await using var connection = await _sql.OpenWriterAsync(CancellationToken.None).ConfigureAwait(false);
                await using var transaction = await _sql.BeginWriteAsync(connection, null, CancellationToken.None).ConfigureAwait(false);
                await _sql.LockCustomersAsync(connection, transaction, batch.Select(c => c.CustomerId), CancellationToken.None)
                    .ConfigureAwait(false);
                var head = await ReadAuditHeadForUpdateAsync(connection, transaction, CancellationToken.None).ConfigureAwait(false);
                for (var i = 0; i < batch.Count; i++)
                {
                    try
                    {
                        (decided[i], head) = await DecideInTransactionAsync(connection, transaction, batch[i], head).ConfigureAwait(false);
                    }
                    catch (Exception exception) when (!_sql.IsTransient(exception))
                    {
                        failedAt = i;
                        failure = exception;
                        break;
                    }
                }

                if (failedAt < 0)
                {
                    await MoveAuditHeadAsync(connection, transaction, head, CancellationToken.None).ConfigureAwait(false);
                    await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
                }
            }
            catch (Exception exception) when (attempt < Attempts && _sql.IsTransient(exception))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(10 * attempt * attempt), _clock).ConfigureAwait(false);
                attempt++;
                continue;
            }

            if (failedAt >= 0)
            {
                // Rolled back: the failed check is answered, the rest go round again.
                batch[failedAt].TrySetException(failure!);
                batch.RemoveAt(failedAt);
                continue;
            }

            BatchCommitted?.Invoke(batch.Count);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].TrySetResult(decided[i]);
            }

            batch.Clear();
            return;
        }
    }

    /// <summary>One check inside the batch's transaction: reads what earlier checks (committed, or earlier in this
    /// batch) left open and the customer's grants, decides, records the check and its audit record after
    /// <paramref name="head"/>; returns the stored check and the new head.</summary>
    private async Task<(OrderCheckRecord Stored, AuditHead Head)> DecideInTransactionAsync(DbConnection connection,
        DbTransaction transaction, PendingCheck check, AuditHead head)
    {
        var cancellationToken = check.CancellationToken;
        var customerId = check.CustomerId;
        var orderId = check.OrderId;
        // On SQLite the statements run on the native API (SqliteOrderCheckStatements); the SQL is the same.
        var sqlite = connection as Sqlite.PreparedSqliteConnection;
        decimal approvedOpen;
        IReadOnlyList<LimitGrant> grants;
        if (sqlite is not null)
        {
            approvedOpen = SqliteOrderCheckStatements.ApprovedOpenOrders(sqlite, customerId, orderId);
            grants = SqliteOrderCheckStatements.Grants(sqlite, customerId);
        }
        else
        {
            (approvedOpen, grants) = await ReadExposureAsync(connection, transaction, customerId, orderId, cancellationToken)
                .ConfigureAwait(false);
        }

        var record = check.Decide(new CheckExposure(approvedOpen, grants));
        if (record.CustomerId != customerId || record.OrderId != orderId)
        {
            throw new InvalidOperationException("The decision is for another customer or order than the one locked.");
        }

        if (AfterCheckDecided is { } seam)
        {
            await seam(record, cancellationToken).ConfigureAwait(false);
        }

        long checkId;
        if (sqlite is not null)
        {
            SqliteOrderCheckStatements.CloseEarlierCheck(sqlite, customerId, orderId);
            checkId = SqliteOrderCheckStatements.Insert(sqlite, record, JsonSerializer.SerializeToUtf8Bytes(record.Reasons, ReasonsJson));
        }
        else
        {
            checkId = await WriteCheckAsync(connection, transaction, record, cancellationToken).ConfigureAwait(false);
        }

        var stored = record with { CheckId = checkId };
        var audited = AuditChain.Next(head.Seq == 0 ? null : head, _clock.GetUtcNow(), check.Audit(stored));
        if (sqlite is not null)
        {
            SqliteOrderCheckStatements.Append(sqlite, audited);
        }
        else
        {
            await InsertAuditAsync(connection, transaction, audited, cancellationToken).ConfigureAwait(false);
        }

        return (stored, new AuditHead(audited.Seq, audited.Hash));
    }

    private async Task<(decimal ApprovedOpen, IReadOnlyList<LimitGrant> Grants)> ReadExposureAsync(DbConnection connection,
        DbTransaction transaction, string customerId, string orderId, CancellationToken cancellationToken)
    {
        // Orders approved by earlier checks count until the imported sales orders know them (open: counted there;
        // invoiced: in open AR; cancelled: gone). The order being checked again does not count twice.
        decimal approvedOpen;
        await using (var sum = Command(connection, transaction,
                         "SELECT coalesce(sum(c.amount), 0) FROM order_checks c WHERE c.customer_id = @customer " +
                         $"AND c.counts_open = {_sql.TrueLiteral} AND c.order_id <> @order " +
                         "AND NOT EXISTS (SELECT 1 FROM sales_orders s WHERE s.order_id = c.order_id)"))
        {
            Add(sum, "customer", customerId);
            Add(sum, "order", orderId);
            await using var reader = await sum.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            approvedOpen = _sql.Money(reader, 0);
        }

        var grants = await ReadGrantsAsync(connection, transaction, customerId, cancellationToken).ConfigureAwait(false);
        return (approvedOpen, grants);
    }

    private async Task<long> WriteCheckAsync(DbConnection connection, DbTransaction transaction, OrderCheckRecord record,
        CancellationToken cancellationToken)
    {
        await using (var close = Command(connection, transaction,
                         $"UPDATE order_checks SET counts_open = @closed WHERE customer_id = @customer AND order_id = @order AND counts_open = {_sql.TrueLiteral}"))
        {
            Add(close, "closed", _sql.Flag(false));
            Add(close, "customer", record.CustomerId);
            Add(close, "order", record.OrderId);
            await close.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var insert = Command(connection, transaction,
                         "INSERT INTO order_checks (customer_id, order_id, amount, as_of, checked_at, actor, decision, reasons, grade, " +
                         "open_ar, open_orders, exposure, credit_limit, limit_source, oldest_dpd, policy_version, counts_open) " +
                         "VALUES (@customer, @order, @amount, @asOf, @at, @actor, @decision, @reasons, @grade, @openAr, @openOrders, " +
                         "@exposure, @limit, @source, @dpd, @policy, @countsOpen) RETURNING check_id"))
        {
            Add(insert, "customer", record.CustomerId);
            Add(insert, "order", record.OrderId);
            Add(insert, "amount", _sql.Money(record.Amount));
            Add(insert, "asOf", _sql.Date(record.AsOf));
            Add(insert, "at", _sql.Instant(record.CheckedAt));
            Add(insert, "actor", record.Actor);
            Add(insert, "decision", record.Decision);
            AddJson(insert, "reasons", JsonSerializer.Serialize(record.Reasons, ReasonsJson));
            Add(insert, "grade", record.Grade);
            Add(insert, "openAr", _sql.Money(record.OpenAr));
            Add(insert, "openOrders", _sql.Money(record.OpenOrders));
            Add(insert, "exposure", _sql.Money(record.Exposure));
            Add(insert, "limit", _sql.NullableMoney(record.Limit));
            Add(insert, "source", record.LimitSource);
            Add(insert, "dpd", record.OldestDpd);
            Add(insert, "policy", record.PolicyVersion);
            Add(insert, "countsOpen", _sql.Flag(record.Decision == "approve"));
            return Convert.ToInt64(await insert.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false),
                System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    public async Task<IReadOnlyList<OrderCheckRecord>> ListOrderChecksAsync(string customerId, int limit,
        CancellationToken cancellationToken = default)
    {
        await using var connection = await _sql.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null,
            $"SELECT {CheckColumns} FROM order_checks WHERE customer_id = @customer ORDER BY check_id DESC LIMIT @limit");
        Add(command, "customer", customerId);
        Add(command, "limit", Math.Max(0, limit));
        return await ReadAllAsync(command, ReadCheck, cancellationToken).ConfigureAwait(false);
    }

    // ---- audit ----------------------------------------------------------------------------------------------------

    public Task<AuditRecord> AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return WriteAsync(null, (connection, transaction) => AppendAsync(connection, transaction, entry, cancellationToken),
            cancellationToken);
    }

    public async Task<IReadOnlyList<AuditRecord>> ListAuditAsync(string? customerId, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await _sql.OpenAsync(cancellationToken).ConfigureAwait(false);
        var where = customerId is null ? string.Empty : "WHERE customer_id = @customer ";
        await using var command = Command(connection, null, $"SELECT {AuditColumns} FROM audit_log {where}ORDER BY seq DESC LIMIT @limit");
        if (customerId is not null)
        {
            Add(command, "customer", customerId);
        }

        Add(command, "limit", Math.Max(0, limit));
        return await ReadAllAsync(command, ReadAudit, cancellationToken).ConfigureAwait(false);
    }

    public async Task<AuditPage> SearchAuditAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var conditions = new List<string>();
        if (query.CustomerId is not null)
        {
            conditions.Add("customer_id = @customer");
        }

        if (query.Kind is not null)
        {
            // A family: "limit" matches "limit" and "limit.…"; compared by prefix so no LIKE escaping is needed.
            conditions.Add("(action = @kind OR substr(action, 1, @kind_length) = @kind_prefix)");
        }

        if (query.Actor is not null)
        {
            conditions.Add("actor = @actor");
        }

        if (query.FromInstant is not null)
        {
            conditions.Add("at >= @from");
        }

        if (query.ToInstantExclusive is not null)
        {
            conditions.Add("at < @to");
        }

        var where = conditions.Count == 0 ? string.Empty : "WHERE " + string.Join(" AND ", conditions) + " ";
        void Bind(DbCommand command)
        {
            // Only the parameters the conditions name: PostgreSQL cannot type an unused null.
            if (query.CustomerId is { } customer)
            {
                Add(command, "customer", customer);
            }

            if (query.Kind is { } kind)
            {
                Add(command, "kind", kind);
                Add(command, "kind_prefix", kind + ".");
                Add(command, "kind_length", kind.Length + 1);
            }

            if (query.Actor is { } actor)
            {
                Add(command, "actor", actor);
            }

            if (query.FromInstant is { } from)
            {
                Add(command, "from", _sql.Instant(from));
            }

            if (query.ToInstantExclusive is { } to)
            {
                Add(command, "to", _sql.Instant(to));
            }
        }

        await using var connection = await _sql.OpenAsync(cancellationToken).ConfigureAwait(false);
        long total;
        await using (var count = Command(connection, null, $"SELECT COUNT(*) FROM audit_log {where}"))
        {
            Bind(count);
            total = Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false),
                System.Globalization.CultureInfo.InvariantCulture);
        }

        await using var page = Command(connection, null, $"SELECT {AuditColumns} FROM audit_log {where}ORDER BY seq DESC LIMIT @limit OFFSET @offset");
        Bind(page);
        Add(page, "limit", query.PageSize);
        Add(page, "offset", (long)(query.Page - 1) * query.PageSize);
        var items = await ReadAllAsync(page, ReadAudit, cancellationToken).ConfigureAwait(false);
        return new AuditPage(items, total, query.Page, query.PageSize);
    }

    public async IAsyncEnumerable<AuditRecord> ReadAuditAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var connection = await _sql.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, $"SELECT {AuditColumns} FROM audit_log ORDER BY seq");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return ReadAudit(reader);
        }
    }

    public async Task<AuditHead?> ReadAuditHeadAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _sql.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, "SELECT seq, hash FROM audit_head WHERE head_id = 1");
        var head = await ReadOneAsync(command, r => new AuditHead(r.GetInt64(0), r.GetString(1)), cancellationToken).ConfigureAwait(false);
        return head is null || head.Seq == 0 ? null : head;
    }

    public async Task<long> ReadNewestSeqAsync(IReadOnlyList<string> actions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actions);
        if (actions.Count == 0)
        {
            return 0;
        }

        // The codes are written into the statement, not bound, so that the partial index of the decisions
        // (ix_audit_log_decisions) can serve it: a database proves an index's WHERE only from literal terms.
        foreach (var action in actions)
        {
            if (action.Length == 0 || !action.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '.' or '_'))
            {
                throw new ArgumentException($"'{action}' is not an action code.", nameof(actions));
            }
        }

        var sql = $"SELECT COALESCE(MAX(seq), 0) FROM audit_log WHERE action IN ({string.Join(", ", actions.Select(a => $"'{a}'"))})";
        await using var connection = await _sql.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        // New checks are refused; those already queued are decided before the connections close.
        _disposed = true;
        await Volatile.Read(ref _committer).ConfigureAwait(false);
        if (_sql is IDisposable disposable)
        {
            disposable.Dispose();
        }

        if (_sql is IAsyncDisposable asyncDisposable)
        {
            await asyncDisposable.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Appends to the chain inside a write transaction the caller holds: the credit store's own, or one begun
    /// by the operations store, so that a decision and its audit record commit together.</summary>
    internal async Task<AuditRecord> AppendAsync(DbConnection connection, DbTransaction transaction, AuditEntry entry,
        CancellationToken cancellationToken)
    {
        var head = await ReadAuditHeadForUpdateAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        var record = AuditChain.Next(head.Seq == 0 ? null : head, _clock.GetUtcNow(), entry);
        await InsertAuditAsync(connection, transaction, record, cancellationToken).ConfigureAwait(false);
        await MoveAuditHeadAsync(connection, transaction, new AuditHead(record.Seq, record.Hash), cancellationToken).ConfigureAwait(false);
        return record;
    }

    /// <summary>The audit head, locked until the transaction ends (seq 0 and the genesis hash before the first record).</summary>
    private async Task<AuditHead> ReadAuditHeadForUpdateAsync(DbConnection connection, DbTransaction transaction,
        CancellationToken cancellationToken)
    {
        await using var read = Command(connection, transaction, _sql.LockAuditHead);
        return await ReadOneAsync(read, r => new AuditHead(r.GetInt64(0), r.GetString(1)), cancellationToken).ConfigureAwait(false)
               ?? throw new InvalidOperationException("The audit_head row is missing: the audit chain cannot be extended.");
    }

    private async Task InsertAuditAsync(DbConnection connection, DbTransaction transaction, AuditRecord record,
        CancellationToken cancellationToken)
    {
        await using var insert = Command(connection, transaction,
            $"INSERT INTO audit_log ({AuditColumns}) VALUES (@seq, @at, @actor, @action, @entity, @customer, @before, @after, @prev, @hash)");
        Add(insert, "seq", record.Seq);
        Add(insert, "at", _sql.Instant(record.At));
        Add(insert, "actor", record.Actor);
        Add(insert, "action", record.Action);
        Add(insert, "entity", record.Entity);
        Add(insert, "customer", record.CustomerId);
        Add(insert, "before", record.Before);
        Add(insert, "after", record.After);
        Add(insert, "prev", record.PrevHash);
        Add(insert, "hash", record.Hash);
        await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task MoveAuditHeadAsync(DbConnection connection, DbTransaction transaction, AuditHead head,
        CancellationToken cancellationToken)
    {
        await using var move = Command(connection, transaction, "UPDATE audit_head SET seq = @seq, hash = @hash WHERE head_id = 1");
        Add(move, "seq", head.Seq);
        Add(move, "hash", head.Hash);
        await move.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs <paramref name="work"/> in a write transaction (holding the customer's lock when one is named),
    /// retrying the whole transaction when the database reports a transient conflict.</summary>
    private async Task<T> WriteAsync<T>(string? customerId, Func<DbConnection, DbTransaction, Task<T>> work,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = await _sql.OpenWriterAsync(cancellationToken).ConfigureAwait(false);
                await using var transaction = await _sql.BeginWriteAsync(connection, customerId, cancellationToken).ConfigureAwait(false);
                var result = await work(connection, transaction).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return result;
            }
            catch (Exception exception) when (attempt < Attempts && _sql.IsTransient(exception))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(10 * attempt * attempt), _clock, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    internal async Task<IReadOnlyList<LimitGrant>> ReadGrantsAsync(DbConnection connection, DbTransaction? transaction, string customerId,
        CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction,
            $"SELECT {LimitColumns} FROM credit_limits WHERE customer_id = @customer ORDER BY limit_id");
        Add(command, "customer", customerId);
        return await ReadAllAsync(command, ReadGrant, cancellationToken).ConfigureAwait(false);
    }

    private StoredPolicy ReadPolicy(DbDataReader r, bool withText) => new()
    {
        Id = r.GetInt64(0),
        Version = r.GetString(1),
        ContentHash = r.GetString(2),
        Text = withText ? r.GetString(3) : string.Empty,
        SourceName = r.GetString(4),
        LoadedAt = _sql.Instant(r, 5),
        LoadedBy = r.GetString(6),
        Active = _sql.Flag(r, 7),
    };

    private LimitGrant ReadGrant(DbDataReader r) => new()
    {
        Id = r.GetInt64(0),
        CustomerId = r.GetString(1),
        Amount = _sql.Money(r, 2),
        Kind = r.GetString(3) == "temporary" ? LimitKind.Temporary : LimitKind.Standing,
        ValidFrom = _sql.Date(r, 4),
        ValidTo = _sql.NullableDate(r, 5),
        Approver = r.GetString(6),
        Reason = r.GetString(7),
        GrantedAt = _sql.Instant(r, 8),
        ReviewId = r.IsDBNull(9) ? null : r.GetInt64(9),
    };

    private OrderCheckRecord ReadCheck(DbDataReader r) => new()
    {
        CheckId = r.GetInt64(0),
        CustomerId = r.GetString(1),
        OrderId = r.GetString(2),
        Amount = _sql.Money(r, 3),
        AsOf = _sql.Date(r, 4),
        CheckedAt = _sql.Instant(r, 5),
        Actor = r.GetString(6),
        Decision = r.GetString(7),
        Reasons = JsonSerializer.Deserialize<CheckReason[]>(r.GetString(8), ReasonsJson) ?? [],
        Grade = r.GetString(9),
        OpenAr = _sql.Money(r, 10),
        OpenOrders = _sql.Money(r, 11),
        Exposure = _sql.Money(r, 12),
        Limit = _sql.NullableMoney(r, 13),
        LimitSource = r.GetString(14),
        OldestDpd = r.GetInt32(15),
        PolicyVersion = r.GetString(16),
    };

    private AuditRecord ReadAudit(DbDataReader r) => new()
    {
        Seq = r.GetInt64(0),
        At = _sql.Instant(r, 1),
        Actor = r.GetString(2),
        Action = r.GetString(3),
        Entity = r.GetString(4),
        CustomerId = r.IsDBNull(5) ? null : r.GetString(5),
        Before = r.IsDBNull(6) ? null : r.GetString(6),
        After = r.IsDBNull(7) ? null : r.GetString(7),
        PrevHash = r.GetString(8),
        Hash = r.GetString(9),
    };

    private static string KindCode(LimitKind kind) => kind == LimitKind.Temporary ? "temporary" : "standing";

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql)
    {
        // A kept SQLite connection hands out its prepared command (disposing it keeps it); others make a new one.
        if (connection is Sqlite.PreparedSqliteConnection prepared)
        {
            return prepared.Command(sql, (Microsoft.Data.Sqlite.SqliteTransaction?)transaction);
        }

        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    private static void AddJson(DbCommand command, string name, string json)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = json;
        if (parameter is Npgsql.NpgsqlParameter npgsql)
        {
            npgsql.NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Json;
        }

        command.Parameters.Add(parameter);
    }

    private static async Task<T?> ReadOneAsync<T>(DbCommand command, Func<DbDataReader, T> read, CancellationToken cancellationToken)
        where T : class
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? read(reader) : null;
    }

    private static async Task<IReadOnlyList<T>> ReadAllAsync<T>(DbCommand command, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    /// <summary>A check waiting for its group commit; its task ends after the commit (or with the check's own error).</summary>
    private sealed class PendingCheck(string customerId, string orderId, Func<CheckExposure, OrderCheckRecord> decide,
        Func<OrderCheckRecord, AuditEntry> audit, CancellationToken cancellationToken)
        : TaskCompletionSource<OrderCheckRecord>(TaskCreationOptions.RunContinuationsAsynchronously)
    {
        public string CustomerId { get; } = customerId;

        public string OrderId { get; } = orderId;

        public Func<CheckExposure, OrderCheckRecord> Decide { get; } = decide;

        public Func<OrderCheckRecord, AuditEntry> Audit { get; } = audit;

        public CancellationToken CancellationToken { get; } = cancellationToken;
    }
}
