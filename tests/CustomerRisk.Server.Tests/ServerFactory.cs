using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CustomerRisk.Server.Tests;

/// <summary>The real server in process on a given store. Development environment on purpose: it is where ASP.NET
/// Core is most willing to show exception details, so "no stack trace in a response" is tested where it is hardest.</summary>
public sealed class ServerFactory(string db, int signInAttemptsPerMinute = 1000) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("db", db);
        builder.UseSetting("Security:SignInAttemptsPerMinute", signInAttemptsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
