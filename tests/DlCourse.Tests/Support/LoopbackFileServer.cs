using System.Net;

namespace DlCourse.Tests.Support;

/// <summary>An HTTP server on a free loopback port that serves named files under <see cref="Url"/> and counts requests: a stand-in for a download host.</summary>
public sealed class LoopbackFileServer : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly Func<string, byte[]?> file;
    private int requests;

    /// <param name="file">The bytes of a requested file name, or null for 404.</param>
    public LoopbackFileServer(Func<string, byte[]?> file, string path = "/files/")
    {
        this.file = file;
        var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Url = new Uri($"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}{path}");
        probe.Stop();
        listener.Prefixes.Add(Url.ToString());
        listener.Start();
        _ = Task.Run(Serve);
    }

    /// <summary>Serves the files of a folder by name.</summary>
    public static LoopbackFileServer Folder(string folder) =>
        new(name => File.Exists(Path.Combine(folder, name)) ? File.ReadAllBytes(Path.Combine(folder, name)) : null);

    public Uri Url { get; }

    public int Requests => Volatile.Read(ref requests);

    private async Task Serve()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await listener.GetContextAsync(); } catch { return; }
            Interlocked.Increment(ref requests);
            var bytes = file(Path.GetFileName(context.Request.Url!.AbsolutePath));
            context.Response.StatusCode = bytes is null ? 404 : 200;
            try { if (bytes is not null) await context.Response.OutputStream.WriteAsync(bytes); }
            catch (HttpListenerException) { } // the client went away
            context.Response.Close();
        }
    }

    public void Dispose() => listener.Close();
}
