namespace CustomerRisk.Application.Credit;

/// <summary>A credit request that cannot be carried out as asked (an unknown customer, a negative amount, a
/// temporary limit without an end date); nothing was stored. The command line exits with code 2.</summary>
public sealed class CreditRequestException : Exception
{
    /// <summary>True when the request names a customer that is not in the store (the server answers 404 rather than
    /// 400, as for any other unknown resource).</summary>
    public bool UnknownCustomer { get; init; }

    /// <summary>Creates the exception.</summary>
    public CreditRequestException()
    {
    }

    /// <summary>Creates the exception with the reason.</summary>
    public CreditRequestException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the reason and its cause.</summary>
    public CreditRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
