namespace CustomerRisk.Application.Ports;

/// <summary>The newest sequence number and hash of the audit chain, as the store recorded them on the last append.</summary>
/// <param name="Seq">The last sequence number.</param>
/// <param name="Hash">The last record's hash.</param>
public sealed record AuditHead(long Seq, string Hash);
