namespace CustomerRisk.Application.Demo;

/// <summary>The kinds of customer the demo portfolio mixes (docs/demo.md).</summary>
internal enum DemoArchetype
{
    PromptPayer,
    SlowPayer,
    Deteriorating,
    Churner,
    ClaimHeavy,
    Complainer,
    KeyAccount,
    NewCustomer,
}

/// <summary>How many days after the due date a customer habitually pays.</summary>
internal enum PaymentHabit
{
    /// <summary>On or before the due date.</summary>
    Prompt,

    /// <summary>0–4 days late.</summary>
    FewDaysLate,

    /// <summary>0–9 days late.</summary>
    WeekLate,

    /// <summary>3–40 days late.</summary>
    WeeksLate,
}
