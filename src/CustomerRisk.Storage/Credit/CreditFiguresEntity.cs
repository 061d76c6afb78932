using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerRisk.Storage.Credit;

/// <summary>The EF model of a row of credit_figures: the cached ledger figures of one customer. Credit operations read and write it with plain SQL (CreditStore).</summary>
public sealed class CreditFiguresEntity
{
    public required string CustomerId { get; set; }
    public DateOnly AsOf { get; set; }
    public long Generation { get; set; }
    public required string PolicyVersion { get; set; }
    public required string Grade { get; set; }
    public decimal OpenAr { get; set; }
    public decimal OverdueAr { get; set; }
    public int OldestDpd { get; set; }
    public decimal ImportedOpenOrders { get; set; }
    public decimal? ImportedCreditLimit { get; set; }
    public decimal Sales12m { get; set; }
    public decimal? AnnualRevenue { get; set; }
}

internal sealed class CreditFiguresEntityConfiguration : IEntityTypeConfiguration<CreditFiguresEntity>
{
    public void Configure(EntityTypeBuilder<CreditFiguresEntity> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("credit_figures");
        builder.HasKey(x => x.CustomerId);
        builder.Property(x => x.CustomerId).HasColumnName("customer_id");
        builder.Property(x => x.AsOf).HasColumnName("as_of");
        builder.Property(x => x.Generation).HasColumnName("generation");
        builder.Property(x => x.PolicyVersion).HasColumnName("policy_version");
        builder.Property(x => x.Grade).HasColumnName("grade");
        builder.Property(x => x.OpenAr).HasColumnName("open_ar");
        builder.Property(x => x.OverdueAr).HasColumnName("overdue_ar");
        builder.Property(x => x.OldestDpd).HasColumnName("oldest_dpd");
        builder.Property(x => x.ImportedOpenOrders).HasColumnName("imported_open_orders");
        builder.Property(x => x.ImportedCreditLimit).HasColumnName("imported_credit_limit");
        builder.Property(x => x.Sales12m).HasColumnName("sales_12m");
        builder.Property(x => x.AnnualRevenue).HasColumnName("annual_revenue");
    }
}
