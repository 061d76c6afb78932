using CustomerRisk.Policy;

namespace CustomerRisk.Server.Hosting;

/// <summary>Where the server's data is: the same <c>--db</c> value as the command line, read once at start. The
/// server keeps no other state, so several instances can serve one PostgreSQL database.</summary>
public sealed class StoreLocation
{
    public StoreLocation(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var db = configuration["db"];
        if (string.IsNullOrWhiteSpace(db))
        {
            db = Environment.GetEnvironmentVariable("CRISK_DB");
        }

        Db = string.IsNullOrWhiteSpace(db) ? "customer-risk.db" : db;
        PolicyFile = configuration["policy"] is { Length: > 0 } policy ? Path.GetFullPath(policy) : null;
        ModelsFolder = configuration["models"] is { Length: > 0 } models ? Path.GetFullPath(models) : null;
        Policy = PolicyFile is null ? CreditPolicy.Default : PolicyLoader.LoadFile(PolicyFile);
        PolicyText = PolicyFile is null ? PolicyLoader.DefaultPolicyText() : File.ReadAllText(PolicyFile);
    }

    /// <summary>A SQLite file path or a PostgreSQL connection string.</summary>
    public string Db { get; }

    /// <summary>The policy file given by <c>--policy</c>, or null for the built-in policy.</summary>
    public string? PolicyFile { get; }

    /// <summary>The active policy, loaded once at start (restart to change it, as for the command line).</summary>
    public CreditPolicy Policy { get; }

    /// <summary>The YAML text of the active policy.</summary>
    public string PolicyText { get; }

    /// <summary>The folder of model files given by <c>--models</c>, or null.</summary>
    public string? ModelsFolder { get; }
}
