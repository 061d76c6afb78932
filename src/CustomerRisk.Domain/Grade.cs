namespace CustomerRisk.Domain;

/// <summary>A credit grade (spec/rating.md). A is best; D is the veto grade; N means not enough history.</summary>
public enum Grade
{
    /// <summary>Best: pays in full and on time.</summary>
    A,

    /// <summary>Good.</summary>
    B,

    /// <summary>Watch.</summary>
    C,

    /// <summary>Veto: one component failed (一票否决).</summary>
    D,

    /// <summary>New, or no invoice fell due in the review window.</summary>
    N,
}
