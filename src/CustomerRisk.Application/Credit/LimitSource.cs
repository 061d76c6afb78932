namespace CustomerRisk.Application.Credit;

/// <summary>Where a customer's effective limit comes from.</summary>
public enum LimitSource
{
    /// <summary>No limit: nothing granted and no credit_limit imported.</summary>
    None,

    /// <summary>The credit_limit of the imported customer record.</summary>
    Imported,

    /// <summary>A standing granted limit.</summary>
    Granted,

    /// <summary>A temporary limit, valid on the date.</summary>
    Temporary,
}
