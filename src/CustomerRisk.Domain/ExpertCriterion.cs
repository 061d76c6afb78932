namespace CustomerRisk.Domain;

/// <summary>What an expert scores in a Delphi round (seed 004).</summary>
public enum ExpertCriterion
{
    /// <summary>How much effort collection takes.</summary>
    CollectionEffort,

    /// <summary>Whether claims are the customer's fault.</summary>
    ClaimCause,

    /// <summary>The customer's bad records.</summary>
    BadRecord,

    /// <summary>The expert's overall view.</summary>
    Overall,
}
