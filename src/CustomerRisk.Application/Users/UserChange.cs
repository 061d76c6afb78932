using CustomerRisk.Application.Ports;

namespace CustomerRisk.Application.Users;

/// <summary>What a user change writes: the user as it is to be stored, and the audit record stored with it.</summary>
/// <param name="After">The user after the change (the store sets its <see cref="UserAccount.SessionVersion"/>).</param>
/// <param name="Audit">The change's audit record, appended in the same transaction.</param>
public sealed record UserChange(UserAccount After, AuditEntry Audit);
