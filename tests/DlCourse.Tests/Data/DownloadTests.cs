using System.Net;
using System.Security.Cryptography;
using DlCourse.Data;

namespace DlCourse.Tests.Data;

/// <summary>Downloads from an HTTP server inside the test process (loopback only) and from a closed local port.</summary>
[Collection(DlCourse.Tests.Support.LocalServers.Name)]
public sealed class DownloadTests : IDisposable
{
    private static readonly byte[] Payload = "idx payload, not really"u8.ToArray();
    private static readonly string PayloadSha256 = Convert.ToHexStringLower(SHA256.HashData(Payload));

    private readonly string folder = Directory.CreateTempSubdirectory("dlcourse-download-").FullName;
    private readonly HttpListener listener = new();
    private readonly Uri baseUri;
    private int requests;

    public DownloadTests()
    {
        int port = FreePort();
        baseUri = new Uri($"http://127.0.0.1:{port}/");
        listener.Prefixes.Add(baseUri.ToString());
        listener.Start();
        _ = Task.Run(Serve);
    }

    private async Task Serve()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await listener.GetContextAsync(); } catch { return; }
            Interlocked.Increment(ref requests);
            context.Response.StatusCode = context.Request.Url!.AbsolutePath == "/file.gz" ? 200 : 404;
            if (context.Response.StatusCode == 200) await context.Response.OutputStream.WriteAsync(Payload);
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    public void Dispose()
    {
        listener.Close();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public void DownloadsOnceThenUsesTheCache()
    {
        var target = Path.Combine(folder, "sub", "file.gz");
        Assert.Equal(target, Download.Fetch(new Uri(baseUri, "file.gz"), PayloadSha256, target));
        Assert.Equal(Payload, File.ReadAllBytes(target));
        Download.Fetch(new Uri(baseUri, "file.gz"), PayloadSha256.ToUpperInvariant(), target);
        Assert.Equal(1, requests);
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(target)!));
    }

    [Fact]
    public void ChecksumMismatchLeavesNoFile()
    {
        var target = Path.Combine(folder, "file.gz");
        var wrong = new string('0', 64);
        var e = Assert.Throws<DownloadException>(() => Download.Fetch(new Uri(baseUri, "file.gz"), wrong, target));
        Assert.Contains(PayloadSha256, e.Message);
        Assert.Empty(Directory.GetFiles(folder));
    }

    [Fact]
    public void CachedFileWithWrongChecksumIsReported()
    {
        var target = Path.Combine(folder, "file.gz");
        File.WriteAllText(target, "something else");
        var e = Assert.Throws<DownloadException>(() => Download.Fetch(new Uri(baseUri, "file.gz"), PayloadSha256, target));
        Assert.Contains("delete it", e.Message);
        Assert.Equal(0, requests);
    }

    [Fact]
    public void OfflineSaysWhereToPlaceTheFile()
    {
        var target = Path.Combine(folder, "mnist", "train-images-idx3-ubyte.gz");
        var uri = new Uri("http://127.0.0.1:9/mnist/train-images-idx3-ubyte.gz");
        var e = Assert.Throws<DownloadException>(() => Download.Fetch(uri, PayloadSha256, target));
        Assert.Contains($"could not download train-images-idx3-ubyte.gz from {uri}: offline? place the file at {target}", e.Message);
        Assert.False(Directory.Exists(Path.GetDirectoryName(target)) && Directory.GetFiles(Path.GetDirectoryName(target)!).Length > 0);
    }

    [Fact]
    public void HttpErrorIsReportedLikeOffline()
    {
        var target = Path.Combine(folder, "missing.gz");
        var e = Assert.Throws<DownloadException>(() => Download.Fetch(new Uri(baseUri, "missing.gz"), null, target));
        Assert.Contains("place the file at", e.Message);
        Assert.False(File.Exists(target));
    }

    [Fact]
    public void MnistLoaderGoesThroughTheCacheAndTheMirror()
    {
        var previous = Mnist.Mirror;
        try
        {
            Mnist.Mirror = new Uri("http://127.0.0.1:9/");
            var e = Assert.Throws<DownloadException>(() => Mnist.Load(folder));
            Assert.Contains(Path.Combine(folder, "train-images-idx3-ubyte.gz"), e.Message);
        }
        finally { Mnist.Mirror = previous; }
    }
}
