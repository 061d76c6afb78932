namespace CustomerRisk.Domain;

/// <summary>The kinds of behaviour record a customer can have.</summary>
public enum InteractionType
{
    /// <summary>The customer complained.</summary>
    Complaint,

    /// <summary>Money was refunded to the customer.</summary>
    Refund,

    /// <summary>Goods were returned.</summary>
    Return,

    /// <summary>The customer disputes an invoice.</summary>
    Dispute,

    /// <summary>A collector called the customer.</summary>
    CollectionCall,

    /// <summary>The customer promised to pay.</summary>
    PromiseToPay,

    /// <summary>The customer did not keep a promise to pay.</summary>
    BrokenPromise,

    /// <summary>A visit to the customer.</summary>
    Visit,

    /// <summary>A bad record (seed 004: 不良记录).</summary>
    BadRecord,
}
