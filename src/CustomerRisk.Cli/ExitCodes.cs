namespace CustomerRisk.Cli;

/// <summary>The exit codes of spec/cli.md.</summary>
public static class ExitCodes
{
    public const int Done = 0;
    public const int Failed = 1;
    public const int BadUsage = 2;
}
