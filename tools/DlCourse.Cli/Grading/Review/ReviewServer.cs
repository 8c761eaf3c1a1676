using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DlCourse.Cli.Export;

namespace DlCourse.Cli.Grading.Review;

/// <summary>
/// Serves the review page on 127.0.0.1 only. It uses <see cref="HttpListener"/> because it is part of the base library:
/// Kestrel would bring in ASP.NET Core for one page and two JSON calls. Requests are handled one at a time, which is
/// plenty for one reviewer and means saves never interleave.
/// </summary>
public sealed class ReviewServer : IAsyncDisposable
{
    /// <summary>The only address served: the page shows students' work and saves scores without a login.</summary>
    public const string Loopback = "127.0.0.1";

    // Everything the page loads comes from this server; no inline script, so injected markup could not run even unsanitised.
    private const string Policy = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; font-src 'self'; " +
                                  "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    private const int MaxBody = 64 << 10;

    private readonly HttpListener listener;
    private readonly GradesFolder folder;
    private readonly WebAssets? assets;
    private readonly Task loop;
    // Sent only inside the page: another site the browser visits cannot read it, so it cannot post scores (no CSRF).
    private readonly string token = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    private ReviewServer(HttpListener listener, GradesFolder folder, WebAssets? assets, Uri url)
    {
        (this.listener, this.folder, this.assets, Url) = (listener, folder, assets, url);
        loop = Task.Run(LoopAsync);
    }

    public Uri Url { get; }

    /// <summary>Why math is shown as TeX (KaTeX not installed), or null.</summary>
    public string? AssetsNote { get; private init; }

    /// <summary>Starts serving <paramref name="folder"/> on <c>http://127.0.0.1:<paramref name="port"/>/</c>.</summary>
    /// <exception cref="ReviewException">Another bind address, a port out of range, or a port in use.</exception>
    public static ReviewServer Start(GradesFolder folder, int port, string bind = Loopback)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (bind is not (Loopback or "localhost"))
            throw new ReviewException($"review binds to {Loopback} only, not {bind}: the page shows students' work and saves scores without a login " +
                                      "(reach it from another machine through an SSH tunnel: ssh -L PORT:127.0.0.1:PORT host).");
        if (port is < 1 or > 65535) throw new ReviewException($"--port {port}: a port is a number from 1 to 65535.");
        WebAssets? assets = null;
        string? note = null;
        try { assets = WebAssets.Find(); }
        catch (ExportException e) { note = e.Message; }

        var url = new Uri($"http://{Loopback}:{port}/");
        var listener = new HttpListener();
        listener.Prefixes.Add(url.AbsoluteUri);
        try { listener.Start(); }
        catch (Exception e) when (e is HttpListenerException or SocketException)
        {
            listener.Close();
            throw new ReviewException($"port {port} on {Loopback} is in use ({e.Message}); pass --port with a free one.");
        }
        return new ReviewServer(listener, folder, assets, url) { AssetsNote = note };
    }

    /// <summary>Stops listening and waits for the request in hand to finish.</summary>
    public async ValueTask DisposeAsync()
    {
        if (listener.IsListening) listener.Stop();
        await loop;
        listener.Close();
    }

    private async Task LoopAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
            try { await HandleAsync(context); }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                try { await SendJson(context.Response, 500, new JsonObject { ["error"] = e.Message }); } catch (Exception) { /* the client left */ }
            }
            finally { context.Response.Close(); }
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var (request, response) = (context.Request, context.Response);
        response.Headers["Content-Security-Policy"] = Policy;
        response.Headers["X-Content-Type-Options"] = "nosniff";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers["Cache-Control"] = "no-store";
        // A page of another site reached through a DNS name that points here sends its own Host: refuse it.
        if (request.Url?.Host != Loopback) { await SendText(response, 421, "text/plain", "served on 127.0.0.1 only"); return; }
        var path = request.Url.AbsolutePath;

        if (path.StartsWith("/api/", StringComparison.Ordinal))
        {
            if (request.Headers["X-Review-Token"] != token) { await SendJson(response, 403, new JsonObject { ["error"] = "reload the page" }); return; }
            if (path == "/api/state" && request.HttpMethod == "GET")
                await SendJson(response, 200, ReviewState.Build(folder, assets is not null));
            else if (path == "/api/score" && request.HttpMethod == "POST")
                await SaveAsync(request, response);
            else await SendJson(response, 404, new JsonObject { ["error"] = "no such call" });
            return;
        }
        if (request.HttpMethod != "GET") { await SendText(response, 405, "text/plain", "GET only"); return; }
        switch (path)
        {
            case "/": await SendText(response, 200, "text/html; charset=utf-8", ReviewPage.Html(token, assets is not null)); return;
            case "/review.js": await SendText(response, 200, "text/javascript; charset=utf-8", ReviewPage.Script.Value); return;
            case "/review.css": await SendText(response, 200, "text/css; charset=utf-8", ReviewPage.Css.Value); return;
        }
        if (path.StartsWith("/assets/", StringComparison.Ordinal) && AssetFile(path["/assets/".Length..]) is { } file)
        {
            response.ContentType = ContentType(file);
            await SendBytes(response, 200, await File.ReadAllBytesAsync(file));
            return;
        }
        await SendText(response, 404, "text/plain", "not found");
    }

    private async Task SaveAsync(HttpListenerRequest request, HttpListenerResponse response)
    {
        JsonObject? body;
        try
        {
            if (request.ContentLength64 > MaxBody) throw new JsonException("the request is too large");
            using var reader = new StreamReader(request.InputStream, Encoding.UTF8);
            var text = await reader.ReadToEndAsync();
            if (text.Length > MaxBody) throw new JsonException("the request is too large");
            body = JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException e) { await SendJson(response, 400, new JsonObject { ["error"] = $"bad request: {e.Message}" }); return; }
        string? Text(string key) => body?[key] is JsonValue v && v.TryGetValue(out string? s) ? s : null;
        double? points = body?["points"] is JsonValue p && p.TryGetValue(out double d) ? d : null;
        var (student, notebook, gradeId, hash) = (Text("student"), Text("notebook"), Text("gradeId"), Text("hash"));
        if (student is null || notebook is null || gradeId is null || hash is null || (body!["points"] is not null && points is null))
        {
            await SendJson(response, 400, new JsonObject { ["error"] = "bad request: student, notebook, gradeId, hash and numeric points (or null) are required" });
            return;
        }
        try
        {
            var saved = folder.Save(student, notebook, gradeId, hash, points, Text("comment") ?? "");
            await SendJson(response, 200, ReviewState.Answer(student, saved));
        }
        catch (ArgumentOutOfRangeException e) { await SendJson(response, 400, new JsonObject { ["error"] = FirstLine(e.Message) }); }
        catch (ReviewException e) { await SendJson(response, 409, new JsonObject { ["error"] = e.Message }); }
    }

    // Only KaTeX's script, stylesheet and fonts, by name: no path from the request reaches the file system unchecked.
    private string? AssetFile(string relative)
    {
        if (assets is null) return null;
        var fonts = Path.GetDirectoryName(WebAssets.KatexCss)!.Replace('\\', '/') + "/fonts/";
        bool allowed = relative is WebAssets.KatexJs or WebAssets.KatexCss
                       || (relative.StartsWith(fonts, StringComparison.Ordinal) && relative[fonts.Length..] is { Length: > 0 } name
                           && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.') && !name.StartsWith('.'));
        var file = Path.Combine(assets.Root, relative);
        return allowed && File.Exists(file) ? file : null;
    }

    private static string ContentType(string file) => Path.GetExtension(file) switch
    {
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".woff2" => "font/woff2",
        ".woff" => "font/woff",
        ".ttf" => "font/ttf",
        _ => "application/octet-stream",
    };

    private static Task SendJson(HttpListenerResponse response, int status, JsonNode body) =>
        SendText(response, status, "application/json; charset=utf-8", body.ToJsonString());

    private static Task SendText(HttpListenerResponse response, int status, string type, string text)
    {
        response.ContentType = type;
        return SendBytes(response, status, Encoding.UTF8.GetBytes(text));
    }

    private static async Task SendBytes(HttpListenerResponse response, int status, byte[] bytes)
    {
        response.StatusCode = status;
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes);
    }

    private static string FirstLine(string s) => s.Split('\n')[0].Replace(" (Parameter 'points')", "");
}
