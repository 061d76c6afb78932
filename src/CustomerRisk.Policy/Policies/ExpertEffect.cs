namespace CustomerRisk.Policy;

/// <summary>What the Delphi expert score (median of 1–5) does to the grade.</summary>
public sealed record ExpertEffect
{
    /// <summary>Inform only (the default) or move the grade one step.</summary>
    public required ExpertEffectMode Mode { get; init; }

    /// <summary>An expert score at or above this moves B to A and C to B.</summary>
    public required decimal StepUpAtOrAbove { get; init; }

    /// <summary>An expert score at or below this moves A to B and B to C.</summary>
    public required decimal StepDownAtOrBelow { get; init; }
}
