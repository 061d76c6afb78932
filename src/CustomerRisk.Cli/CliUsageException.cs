namespace CustomerRisk.Cli;

/// <summary>Bad usage or unusable input: the command prints the message on stderr and exits with code 2.</summary>
public sealed class CliUsageException(string message) : Exception(message);
