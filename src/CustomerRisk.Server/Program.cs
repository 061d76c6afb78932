using CustomerRisk.Server;

var app = ServerApp.Create(args);
await app.RunAsync();

/// <summary>The server's entry point, public for WebApplicationFactory&lt;Program&gt; in the tests.</summary>
public partial class Program;
