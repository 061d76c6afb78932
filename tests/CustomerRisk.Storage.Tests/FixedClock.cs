namespace CustomerRisk.Storage.Tests;

/// <summary>A clock that always says the same instant, so stamps in the store can be asserted.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
