using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerRisk.Storage.Credit;

/// <summary>The EF model of a row of order_checks: one recorded credit check of an order. Credit operations read and write it with plain SQL (CreditStore).</summary>
public sealed class OrderCheckEntity
{
    public long CheckId { get; set; }
    public required string CustomerId { get; set; }
    public required string OrderId { get; set; }
    public decimal Amount { get; set; }
    public DateOnly AsOf { get; set; }
    public DateTimeOffset CheckedAt { get; set; }
    public required string Actor { get; set; }
    public required string Decision { get; set; }
    public required string Reasons { get; set; }
    public required string Grade { get; set; }
    public decimal OpenAr { get; set; }
    public decimal OpenOrders { get; set; }
    public decimal Exposure { get; set; }
    public decimal? CreditLimit { get; set; }
    public required string LimitSource { get; set; }
    public int OldestDpd { get; set; }
    public required string PolicyVersion { get; set; }
    public bool CountsOpen { get; set; }
}

internal sealed class OrderCheckEntityConfiguration : IEntityTypeConfiguration<OrderCheckEntity>
{
    public void Configure(EntityTypeBuilder<OrderCheckEntity> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("order_checks");
        builder.HasKey(x => x.CheckId);
        builder.Property(x => x.CheckId).HasColumnName("check_id");
        builder.Property(x => x.CustomerId).HasColumnName("customer_id");
        builder.Property(x => x.OrderId).HasColumnName("order_id");
        builder.Property(x => x.Amount).HasColumnName("amount");
        builder.Property(x => x.AsOf).HasColumnName("as_of");
        builder.Property(x => x.CheckedAt).HasColumnName("checked_at");
        builder.Property(x => x.Actor).HasColumnName("actor");
        builder.Property(x => x.Decision).HasColumnName("decision");
        builder.Property(x => x.Reasons).HasColumnName("reasons");
        builder.Property(x => x.Grade).HasColumnName("grade");
        builder.Property(x => x.OpenAr).HasColumnName("open_ar");
        builder.Property(x => x.OpenOrders).HasColumnName("open_orders");
        builder.Property(x => x.Exposure).HasColumnName("exposure");
        builder.Property(x => x.CreditLimit).HasColumnName("credit_limit");
        builder.Property(x => x.LimitSource).HasColumnName("limit_source");
        builder.Property(x => x.OldestDpd).HasColumnName("oldest_dpd");
        builder.Property(x => x.PolicyVersion).HasColumnName("policy_version");
        builder.Property(x => x.CountsOpen).HasColumnName("counts_open");
    }
}
