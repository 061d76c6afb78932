using System.Reflection;

namespace CustomerRisk.Architecture.Tests;

/// <summary>Dependencies point inward (STYLE.md): Domain ← Analytics, Policy ← Application ← Cli, Server; Storage
/// implements what Application asks for; Modeling stands alone.</summary>
public sealed class DependencyRuleTests
{
    private static readonly IReadOnlyDictionary<string, string[]> Allowed = new Dictionary<string, string[]>
    {
        ["CustomerRisk.Domain"] = [],
        ["CustomerRisk.Modeling"] = [],
        ["CustomerRisk.Analytics"] = ["CustomerRisk.Domain"],
        ["CustomerRisk.Policy"] = ["CustomerRisk.Domain", "CustomerRisk.Analytics"],
        ["CustomerRisk.Application"] =
            ["CustomerRisk.Domain", "CustomerRisk.Analytics", "CustomerRisk.Policy", "CustomerRisk.Modeling"],
        ["CustomerRisk.Storage"] =
            ["CustomerRisk.Domain", "CustomerRisk.Analytics", "CustomerRisk.Policy", "CustomerRisk.Modeling", "CustomerRisk.Application"],
    };

    private static IReadOnlyList<Assembly> ProductAssemblies() =>
    [
        typeof(Domain.Customer).Assembly,
        typeof(Analytics.CustomerLedger).Assembly,
        Assembly.Load("CustomerRisk.Modeling"),
        Assembly.Load("CustomerRisk.Policy"),
        typeof(Application.Ports.IRiskStore).Assembly,
        Assembly.Load("CustomerRisk.Storage"),
    ];

    [Fact]
    public void EveryProjectReferencesOnlyTheLayersInsideIt()
    {
        var violations = Violations(ProductAssemblies(), Allowed);

        Assert.Empty(violations);
    }

    [Fact]
    public void TheRuleCatchesAKnownViolation()
    {
        // Application uses Analytics and Domain types; forbidding them must be reported, or the rule checks nothing.
        var tooStrict = new Dictionary<string, string[]>(Allowed) { ["CustomerRisk.Application"] = [] };

        var violations = Violations(ProductAssemblies(), tooStrict);

        Assert.Contains("CustomerRisk.Application -> CustomerRisk.Domain", violations);
    }

    [Fact]
    public void NoProductAssemblyReferencesTheCommandLine()
    {
        foreach (var assembly in ProductAssemblies())
        {
            Assert.DoesNotContain(assembly.GetReferencedAssemblies(), name => name.Name is "crisk" or "CustomerRisk.Server");
        }
    }

    private static List<string> Violations(IEnumerable<Assembly> assemblies, IReadOnlyDictionary<string, string[]> allowed)
    {
        var violations = new List<string>();
        foreach (var assembly in assemblies)
        {
            var name = assembly.GetName().Name!;
            var permitted = allowed[name];
            foreach (var reference in assembly.GetReferencedAssemblies())
            {
                var target = reference.Name!;
                if (target.StartsWith("CustomerRisk.", StringComparison.Ordinal) && !permitted.Contains(target))
                {
                    violations.Add($"{name} -> {target}");
                }
            }
        }

        return violations;
    }
}
