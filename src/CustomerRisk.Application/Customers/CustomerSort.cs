namespace CustomerRisk.Application.Customers;

/// <summary>Orders of the customer list; ties are broken by customer id.</summary>
public enum CustomerSort
{
    /// <summary>Largest expected loss first (the riskiest money first, as `crisk assess` prints).</summary>
    ExpectedLoss,

    /// <summary>By customer id.</summary>
    CustomerId,

    /// <summary>Lowest credit score first.</summary>
    CreditScore,

    /// <summary>Largest overdue receivables first.</summary>
    OverdueAr,

    /// <summary>Largest exposure first.</summary>
    Exposure,
}
