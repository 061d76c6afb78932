using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace CustomerRisk.Storage.Tests.Operations;

/// <summary>A webhook receiver on 127.0.0.1 and a free port: answers each POST with the next status of a script (the
/// last one repeats) and keeps what it received.</summary>
public sealed class LocalReceiver : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly int[] _script;
    private readonly Task _loop;
    private int _served;

    public LocalReceiver(params int[] script)
    {
        _script = script;
        Port = FreePort();
        Url = $"http://127.0.0.1:{Port}/hooks/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public string Url { get; }

    public ConcurrentQueue<(string Body, string? Signature, string? Event, string? Delivery, int Answered)> Received { get; } = new();

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream, System.Text.Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var n = Interlocked.Increment(ref _served);
            var status = _script[Math.Min(n, _script.Length) - 1];
            Received.Enqueue((body, context.Request.Headers["X-CRisk-Signature"], context.Request.Headers["X-CRisk-Event"],
                context.Request.Headers["X-CRisk-Delivery"], status));
            context.Response.StatusCode = status;
            context.Response.Close();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop;
    }
}
