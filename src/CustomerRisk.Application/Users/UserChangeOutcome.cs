namespace CustomerRisk.Application.Users;

/// <summary>The result of <see cref="Ports.IUserStore.ChangeAsync"/>.</summary>
/// <param name="Status">How the change ended.</param>
/// <param name="User">The user as now stored (after the change when changed; as before otherwise); null when not found.</param>
public sealed record UserChangeOutcome(UserChangeStatus Status, UserAccount? User);
