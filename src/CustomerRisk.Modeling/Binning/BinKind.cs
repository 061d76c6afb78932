namespace CustomerRisk.Modeling.Binning;

/// <summary>What a bin holds.</summary>
public enum BinKind
{
    /// <summary>Numbers in the left-closed range [Lower, Upper).</summary>
    Range,

    /// <summary>A group of categorical levels.</summary>
    Levels,

    /// <summary>Missing values (and, when scoring, categorical levels the binning never saw).</summary>
    Missing,
}
