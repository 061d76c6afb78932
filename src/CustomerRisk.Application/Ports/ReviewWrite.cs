namespace CustomerRisk.Application.Ports;

/// <summary>What a review writes beside itself, in the same transaction: its audit record and, when it changes the
/// limit, the grant it decides with that grant's audit record.</summary>
/// <param name="Audit">The review's audit record.</param>
/// <param name="Grant">The limit grant the review decides (its id is ignored), or null when the limit stays.</param>
/// <param name="GrantAudit">Builds the grant's audit record from the stored grant; required with a grant.</param>
public sealed record ReviewWrite(AuditEntry Audit, LimitGrant? Grant = null, Func<LimitGrant, AuditEntry>? GrantAudit = null);
