namespace CustomerRisk.Application.Operations;

/// <summary>A request of an operations use case that cannot be carried out as asked (an unknown customer or alert, a
/// missing reason, a resolved alert acknowledged, a replay under another policy version): nothing was written. The
/// command line reports it with exit code 2, the server as 400 or 404.</summary>
public sealed class OperationRefusedException : Exception
{
    public OperationRefusedException()
    {
    }

    public OperationRefusedException(string message)
        : base(message)
    {
    }

    public OperationRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>True when the refusal is because something named does not exist (HTTP 404 rather than 400).</summary>
    public bool NotFound { get; init; }
}
