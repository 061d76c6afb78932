namespace CustomerRisk.Application.Users;

/// <summary>What a user may do. Each role sees and changes a different part of the system (docs/server.md).</summary>
public enum UserRole
{
    /// <summary>Manages users and tokens, and may do everything a credit manager does.</summary>
    Admin,

    /// <summary>Runs the credit process: imports, assessments, decisions.</summary>
    CreditManager,

    /// <summary>Reads everything, runs assessments and models; changes no customer decision.</summary>
    Analyst,

    /// <summary>Works overdue accounts: reads customers and the portfolio's aging.</summary>
    Collector,

    /// <summary>A sales person: reads only the customers whose sales_owner is theirs.</summary>
    Sales,
}
