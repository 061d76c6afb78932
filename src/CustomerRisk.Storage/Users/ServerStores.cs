using CustomerRisk.Application.Ports;
using CustomerRisk.Storage.Users;

namespace CustomerRisk.Storage;

/// <summary>Opens the stores the server and the user commands read through EF Core, on the database named by
/// <c>--db</c> (as <see cref="RiskStoreFactory"/>). Call <see cref="RiskStoreFactory.OpenMigratedAsync"/> once first
/// so the tables exist.</summary>
public static class ServerStores
{
    /// <summary>Users and API tokens.</summary>
    /// <param name="db">A SQLite file path or a PostgreSQL connection string.</param>
    /// <param name="clock">Stamps the audit records of user changes; the system clock when null.</param>
    public static IUserStore OpenUsers(string db, TimeProvider? clock = null) =>
        new UserStore(RiskContexts.Create(db), () => Credit.CreditStoreFactory.Create(db, clock));

    /// <summary>The bearer-token look-up for every API request: one instance per process (it keeps its connections).</summary>
    public static IApiTokenAuthenticator OpenTokenAuthenticator(string db) => new ApiTokenAuthenticator(db);

    /// <summary>Customers and their saved assessments.</summary>
    public static ICustomerDirectory OpenCustomers(string db) => new Customers.CustomerDirectory(RiskContexts.Create(db));
}
