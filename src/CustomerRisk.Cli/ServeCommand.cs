using System.CommandLine;
using CustomerRisk.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;

namespace CustomerRisk.Cli;

/// <summary>`crisk serve`: the REST API and the dashboard on Kestrel (docs/server.md).</summary>
public static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string>("--urls")
        {
            Description = $"Addresses to listen on, separated by ';' (default {ServerApp.DefaultUrl}: this machine only).",
            DefaultValueFactory = _ => ServerApp.DefaultUrl,
        };
        var policy = new Option<string?>("--policy") { Description = "A policy file (YAML); default the built-in policy." };
        var models = new Option<string?>("--models") { Description = "A folder of model files to list in the API." };
        var command = new Command("serve", "Runs the REST API and the web dashboard.") { urls, policy, models };
        command.SetGuardedAction(async (parseResult, cancellationToken) =>
        {
            var args = new List<string> { "--db", GlobalOptions.DatabaseOf(parseResult), "--urls", parseResult.GetValue(urls)! };
            if (parseResult.GetValue(policy) is { } file)
            {
                args.AddRange(["--policy", file]);
            }

            if (parseResult.GetValue(models) is { } folder)
            {
                args.AddRange(["--models", folder]);
            }

            await using var app = ServerApp.Create([.. args]);
            await app.StartAsync(cancellationToken);
            await app.WaitForShutdownAsync(cancellationToken);
            return ExitCodes.Done;
        });
        return command;
    }
}
