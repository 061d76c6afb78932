namespace CustomerRisk.Application.Collections;

/// <summary>Where a promise to pay stands. Codes: <c>open</c>, <c>kept</c>, <c>broken</c>.</summary>
public enum PromiseStatus
{
    /// <summary>Not yet paid and the promised date has not passed.</summary>
    Open,

    /// <summary>Paid in full by the promised date.</summary>
    Kept,

    /// <summary>The promised date passed without full payment.</summary>
    Broken,
}
