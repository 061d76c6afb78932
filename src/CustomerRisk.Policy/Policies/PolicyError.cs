namespace CustomerRisk.Policy;

/// <summary>One thing wrong in a policy file, with the place it was found.</summary>
/// <param name="Line">1-based line of the offending key or value.</param>
/// <param name="Column">1-based column.</param>
/// <param name="Message">What is wrong and what is expected.</param>
public readonly record struct PolicyError(int Line, int Column, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"line {Line}, column {Column}: {Message}";
}
