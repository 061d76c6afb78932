using System.Diagnostics;

namespace CustomerRisk.Cli.Tests;

/// <summary>Runs the real `crisk` (the built crisk.dll beside the tests) in a child process.</summary>
public static class CliProcess
{
    public static string CriskDll => Path.Combine(AppContext.BaseDirectory, "crisk.dll");

    public static ProcessStartInfo StartInfo(string workingFolder, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(CriskDll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment.Remove("CRISK_DB");
        return info;
    }

    public static async Task<(int ExitCode, string Out, string Error)> RunAsync(string workingFolder, params string[] args)
    {
        using var process = Process.Start(StartInfo(workingFolder, args))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }
}
