using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerRisk.Storage.Operations;

/// <summary>A row of payment_promises.</summary>
public sealed class PaymentPromiseEntity
{
    public long PromiseId { get; set; }
    public required string CustomerId { get; set; }
    public DateOnly PromisedOn { get; set; }
    public decimal Amount { get; set; }
    public DateOnly PayBy { get; set; }
    public required string RecordedBy { get; set; }
    public string? Note { get; set; }
    public required string Status { get; set; }
    public decimal PaidAmount { get; set; }
    public DateOnly? SettledOn { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

internal sealed class PaymentPromiseEntityConfiguration : IEntityTypeConfiguration<PaymentPromiseEntity>
{
    public void Configure(EntityTypeBuilder<PaymentPromiseEntity> builder)
    {
        builder.ToTable("payment_promises");
        builder.HasKey(x => x.PromiseId);
        OperationColumns.Map(builder, "promise_id", "customer_id", "promised_on", "amount", "pay_by", "recorded_by", "note", "status",
            "paid_amount", "settled_on", "recorded_at");
    }
}
