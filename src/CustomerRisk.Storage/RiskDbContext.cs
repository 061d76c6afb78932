using CustomerRisk.Domain;
using CustomerRisk.Storage.Entities;
using CustomerRisk.Storage.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CustomerRisk.Storage;

/// <summary>The EF Core model of the store, shared by both providers. Each provider has its own subclass and its own
/// hand-written migrations (<see cref="SqliteRiskDbContext"/>, <see cref="PostgresRiskDbContext"/>); the subclasses
/// say how dates and amounts are represented. Bulk imports and ledger reads bypass EF (see docs/storage.md).</summary>
public abstract class RiskDbContext : DbContext
{
    private protected RiskDbContext(string connectionString)
    {
        ConnectionString = connectionString;
    }

    /// <summary>The connection string the context opens.</summary>
    protected string ConnectionString { get; }

    public DbSet<CustomerEntity> Customers => Set<CustomerEntity>();
    public DbSet<InvoiceEntity> Invoices => Set<InvoiceEntity>();
    public DbSet<PaymentEntity> Payments => Set<PaymentEntity>();
    public DbSet<ClaimEntity> Claims => Set<ClaimEntity>();
    public DbSet<SalesOrderEntity> SalesOrders => Set<SalesOrderEntity>();
    public DbSet<InteractionEntity> Interactions => Set<InteractionEntity>();
    public DbSet<FinancialEntity> Financials => Set<FinancialEntity>();
    public DbSet<ExpertScoreEntity> ExpertScores => Set<ExpertScoreEntity>();
    public DbSet<RecordHistoryEntity> RecordHistory => Set<RecordHistoryEntity>();
    public DbSet<ImportRunEntity> ImportRuns => Set<ImportRunEntity>();
    public DbSet<AssessmentRunEntity> AssessmentRuns => Set<AssessmentRunEntity>();
    public DbSet<AssessmentEntity> Assessments => Set<AssessmentEntity>();

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        ArgumentNullException.ThrowIfNull(optionsBuilder);
        // Migrations are hand-written without a model snapshot, so EF cannot compare them with the model.
        optionsBuilder.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);

        modelBuilder.Entity<CustomerEntity>(e =>
        {
            e.ToTable("customers");
            e.HasKey(x => x.CustomerKey);
            e.HasAlternateKey(x => x.CustomerId);
            Columns(e, "customer_key", "customer_id", "name", "industry", "region", "sales_owner", "annual_revenue",
                "credit_limit", "payment_terms_days", "product_focus", "customer_since");
            e.Property(x => x.ProductFocus).HasConversion(CodeConverter<ProductFocus>());
        });
        modelBuilder.Entity<InvoiceEntity>(e =>
        {
            e.ToTable("invoices");
            e.HasKey(x => x.InvoiceKey);
            e.HasAlternateKey(x => x.InvoiceId);
            Columns(e, "invoice_key", "invoice_id", "customer_id", "customer_key", "issue_date", "due_date", "amount", "currency");
        });
        modelBuilder.Entity<PaymentEntity>(e =>
        {
            e.ToTable("payments");
            e.HasKey(x => x.PaymentKey);
            e.HasAlternateKey(x => x.PaymentId);
            Columns(e, "payment_key", "payment_id", "customer_id", "customer_key", "payment_date", "amount", "invoice_id", "invoice_key");
        });
        modelBuilder.Entity<ClaimEntity>(e =>
        {
            e.ToTable("claims");
            e.HasKey(x => x.ClaimKey);
            e.HasAlternateKey(x => x.ClaimId);
            Columns(e, "claim_key", "claim_id", "customer_id", "customer_key", "claim_date", "amount", "invoice_id", "reason");
            e.Property(x => x.Reason).HasConversion(CodeConverter<ClaimReason>());
        });
        modelBuilder.Entity<SalesOrderEntity>(e =>
        {
            e.ToTable("sales_orders");
            e.HasKey(x => x.OrderKey);
            e.HasAlternateKey(x => x.OrderId);
            Columns(e, "order_key", "order_id", "customer_id", "customer_key", "order_date", "amount", "status");
            e.Property(x => x.Status).HasConversion(CodeConverter<OrderStatus>());
        });
        modelBuilder.Entity<InteractionEntity>(e =>
        {
            e.ToTable("interactions");
            e.HasKey(x => x.EventKey);
            e.HasAlternateKey(x => x.EventId);
            Columns(e, "event_key", "event_id", "customer_id", "customer_key", "event_date", "type", "amount", "note");
            e.Property(x => x.Type).HasConversion(CodeConverter<InteractionType>());
        });
        modelBuilder.Entity<FinancialEntity>(e =>
        {
            e.ToTable("financials");
            e.HasKey(x => x.FinancialKey);
            e.HasAlternateKey(x => new { x.CustomerId, x.PeriodEnd });
            Columns(e, "financial_key", "customer_id", "customer_key", "period_end", "revenue", "net_income", "total_assets",
                "total_liabilities", "current_assets", "current_liabilities", "operating_cash_flow");
        });
        modelBuilder.Entity<ExpertScoreEntity>(e =>
        {
            e.ToTable("expert_scores");
            e.HasKey(x => x.ExpertScoreKey);
            Columns(e, "expert_score_key", "customer_id", "customer_key", "round", "expert_id", "criterion", "score_date", "score");
            e.Property(x => x.Criterion).HasConversion(CodeConverter<ExpertCriterion>());
        });
        modelBuilder.Entity<RecordHistoryEntity>(e =>
        {
            e.ToTable("record_history");
            e.HasKey(x => x.HistoryId);
            Columns(e, "history_id", "import_run_id", "table_name", "record_key", "customer_id", "old_values", "new_values", "changed_at");
        });
        modelBuilder.Entity<ImportRunEntity>(e =>
        {
            e.ToTable("import_runs");
            e.HasKey(x => x.ImportRunId);
            Columns(e, "import_run_id", "started_at", "committed_at", "inserted", "updated", "unchanged");
        });
        modelBuilder.Entity<AssessmentRunEntity>(e =>
        {
            e.ToTable("assessment_runs");
            e.HasKey(x => x.RunId);
            Columns(e, "run_id", "as_of", "created_at", "policy_version", "score_model", "customers");
        });
        modelBuilder.Entity<AssessmentEntity>(e =>
        {
            e.ToTable("assessments");
            e.HasKey(x => x.AssessmentId);
            e.HasIndex(x => new { x.CustomerId, x.AsOf });
            Columns(e, "assessment_id", "run_id", "customer_id", "as_of", "grade", "credit_score", "pd", "open_ar",
                "overdue_ar", "exposure", "dso", "expected_loss", "details");
            e.Property(x => x.Grade).HasConversion(v => v.ToCode(), s => Enum.Parse<Grade>(s));
        });

        // Tables of later features (operations, server) configure themselves in their own folders, so that adding a
        // feature does not edit this file.
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(RiskDbContext).Assembly);
    }

    private static ValueConverter<TEnum, string> CodeConverter<TEnum>() where TEnum : struct, Enum =>
        new(v => StoredCodes.CodeOf(v), s => StoredCodes.Parse<TEnum>(s));

    /// <summary>Maps the entity's properties, in declaration order, to the given snake_case column names.</summary>
    private static void Columns<T>(EntityTypeBuilder<T> entity, params string[] names) where T : class
    {
        var properties = typeof(T).GetProperties();
        if (properties.Length != names.Length)
        {
            throw new InvalidOperationException($"{typeof(T).Name} has {properties.Length} properties, {names.Length} columns given.");
        }

        for (var i = 0; i < names.Length; i++)
        {
            entity.Property(properties[i].Name).HasColumnName(names[i]);
        }
    }
}
