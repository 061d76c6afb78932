namespace CustomerRisk.Application.Ports;

/// <summary>Whether a granted limit stands until changed or is a temporary raise that expires by itself.</summary>
public enum LimitKind
{
    /// <summary>The customer's granted limit, valid from a date, open-ended or until a date.</summary>
    Standing,

    /// <summary>A limit for a while (a season, one large order): it replaces the standing one while valid.</summary>
    Temporary,
}
