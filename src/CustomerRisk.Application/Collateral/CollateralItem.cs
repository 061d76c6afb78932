using CustomerRisk.Policy;

namespace CustomerRisk.Application.Collateral;

/// <summary>A guarantee or collateral in the register: it lowers the customer's LGD from <see cref="ValidFrom"/>
/// through <see cref="Expiry"/>.</summary>
public sealed record CollateralItem
{
    /// <summary>The id given by the store; 0 before it is saved.</summary>
    public long CoverId { get; init; }

    public required string CustomerId { get; init; }

    public required CoverKind Kind { get; init; }

    /// <summary>What it is ("parent guarantee, Acme Holding").</summary>
    public string? Description { get; init; }

    /// <summary>Its value in the portfolio currency, above 0.</summary>
    public required decimal Value { get; init; }

    /// <summary>Share of the value not counted, 0–1.</summary>
    public required decimal Haircut { get; init; }

    /// <summary>The first day it counts.</summary>
    public required DateOnly ValidFrom { get; init; }

    /// <summary>The last day it counts; null when open-ended.</summary>
    public DateOnly? Expiry { get; init; }

    /// <summary>Who registered it.</summary>
    public required string RecordedBy { get; init; }

    public required DateTimeOffset RecordedAt { get; init; }

    /// <summary>Whether it counts on <paramref name="asOf"/>: from ValidFrom through Expiry, both inclusive.</summary>
    public bool CountsOn(DateOnly asOf) => ValidFrom <= asOf && (Expiry is not { } e || asOf <= e);

    /// <summary>Days from <paramref name="asOf"/> to the expiry (0 on the last day); null when open-ended.</summary>
    public int? DaysToExpiry(DateOnly asOf) => Expiry is { } e ? e.DayNumber - asOf.DayNumber : null;

    /// <summary>The policy's view of it, for expected loss.</summary>
    public CreditCover ToCover() => new(Value, Haircut, Expiry, Description ?? OperationsCodesOf(Kind));

    private static string OperationsCodesOf(CoverKind kind) => Operations.OperationCodes.ToCode(kind);
}
