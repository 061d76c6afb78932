namespace CustomerRisk.Domain;

/// <summary>How much of a customer's business is our product (seed 004's third rigid indicator).</summary>
public enum ProductFocus
{
    /// <summary>Only our product (A).</summary>
    Exclusive,

    /// <summary>Mainly ours (B).</summary>
    MainlyOurs,

    /// <summary>Ours and competitors' equally (C).</summary>
    Equal,

    /// <summary>Mainly a competitor's (D).</summary>
    MainlyCompetitor,
}
