namespace CustomerRisk.Policy;

/// <summary>A policy file that cannot be used: bad YAML, an unknown key or rule, a negative factor, thresholds out of
/// order or a probability outside 0–1. The message names the file and the line of every error.</summary>
public sealed class PolicyLoadException : Exception
{
    /// <summary>Creates the exception for the errors found in <paramref name="sourceName"/>.</summary>
    public PolicyLoadException(string sourceName, IReadOnlyList<PolicyError> errors)
        : base(Describe(sourceName, errors))
    {
        SourceName = sourceName;
        Errors = errors;
    }

    /// <summary>Creates the exception with a plain message.</summary>
    public PolicyLoadException()
        : this("policy", [])
    {
    }

    /// <summary>Creates the exception with a plain message.</summary>
    public PolicyLoadException(string message)
        : base(message)
    {
        SourceName = "policy";
        Errors = [];
    }

    /// <summary>Creates the exception with a plain message and its cause.</summary>
    public PolicyLoadException(string message, Exception innerException)
        : base(message, innerException)
    {
        SourceName = "policy";
        Errors = [];
    }

    /// <summary>The file (or other source) the policy came from.</summary>
    public string SourceName { get; }

    /// <summary>Every error found, in file order.</summary>
    public IReadOnlyList<PolicyError> Errors { get; }

    private static string Describe(string sourceName, IReadOnlyList<PolicyError> errors)
    {
        if (errors.Count == 0)
        {
            return $"The policy {sourceName} is invalid.";
        }

        var lines = errors.Select(e => $"  {sourceName}:{e.Line}:{e.Column}: {e.Message}");
        return $"The policy {sourceName} is invalid ({errors.Count} error{(errors.Count == 1 ? "" : "s")}):{"\n"}"
            + string.Join("\n", lines);
    }
}
