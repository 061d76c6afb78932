namespace CustomerRisk.Application.Reviews;

/// <summary>What a periodic review decides (spec/operations.md). Codes: <c>keep</c>, <c>raise_limit</c>,
/// <c>lower_limit</c>, <c>change_terms</c>, <c>hold</c>, <c>release</c>.</summary>
public enum ReviewDecision
{
    /// <summary>Keep the limit and terms.</summary>
    Keep,

    /// <summary>Raise the credit limit.</summary>
    RaiseLimit,

    /// <summary>Lower the credit limit.</summary>
    LowerLimit,

    /// <summary>Change the payment terms.</summary>
    ChangeTerms,

    /// <summary>Hold new orders.</summary>
    Hold,

    /// <summary>Release a hold.</summary>
    Release,
}
