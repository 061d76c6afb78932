namespace CustomerRisk.Policy;

/// <summary>Whether the expert score changes the grade.</summary>
public enum ExpertEffectMode
{
    /// <summary>The expert score is shown beside the grade and changes nothing.</summary>
    Inform,

    /// <summary>The expert score moves the grade one step up or down within A..C.</summary>
    OneStep,
}
