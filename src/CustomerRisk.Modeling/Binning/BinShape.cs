namespace CustomerRisk.Modeling.Binning;

/// <summary>Which shapes of the bad rate across numeric bins the binning may produce.</summary>
public enum BinShape
{
    /// <summary>Bad rate rises or falls steadily with the value (the classic scorecard constraint).</summary>
    Monotonic,

    /// <summary>Monotonic, or one turn (a U or an inverted U) when that carries clearly more information value:
    /// debt ratios and counts of open credit lines are riskiest at both ends.</summary>
    MonotonicOrOneTurn,

    /// <summary>No shape constraint: only minimum share and bin count limit the merging.</summary>
    Free,
}
