using DlCourse.Cli.Notebooks;
using Microsoft.Playwright;

namespace DlCourse.Cli.Export;

/// <summary>What printing one page did: every URL it requested, the ones refused because they were not local, and where the time went.</summary>
public sealed record PrintResult(IReadOnlyList<string> RequestedUrls, IReadOnlyList<string> BlockedUrls, IReadOnlyList<string> PageErrors,
    TimeSpan Load, TimeSpan Render, TimeSpan Print);

/// <summary>A headless Chromium, driven by Playwright, that prints report pages to PDF; start once and reuse it for a batch.</summary>
public sealed class PdfBrowser : IAsyncDisposable
{
    /// <summary>The Chromium that is started (<see cref="Chromium.ExecutablePath"/>).</summary>
    public static string ExecutablePath => Chromium.ExecutablePath;

    // A4 less the side margins below, in CSS pixels: pages are laid out at the width they are printed at, so charts fit.
    private const int ContentWidthPx = 688;
    private static readonly Margin PageMargin = new() { Top = "12mm", Bottom = "16mm", Left = "14mm", Right = "14mm" };
    private const string Footer =
        "<div style=\"width:100%;font-size:8px;color:#59636e;text-align:center;font-family:sans-serif\">" +
        "Page <span class=\"pageNumber\"></span> of <span class=\"totalPages\"></span></div>";

    private readonly IPlaywright playwright;
    private readonly IBrowser browser;

    private PdfBrowser(IPlaywright playwright, IBrowser browser) => (this.playwright, this.browser) = (playwright, browser);

    /// <summary>How long to wait for math and charts to finish before giving up on a page.</summary>
    public TimeSpan RenderTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Starts Chromium (<see cref="ExecutablePath"/> unless given); throws <see cref="ExportException"/> saying what to install when it cannot.</summary>
    public static async Task<PdfBrowser> StartAsync(string? executablePath = null)
    {
        var (playwright, browser) = await Chromium.LaunchAsync(executablePath);
        return new PdfBrowser(playwright, browser);
    }

    /// <summary>Opens <paramref name="htmlPath"/>, waits for math and charts, and writes the PDF atomically to <paramref name="pdfPath"/>.</summary>
    public async Task<PrintResult> PrintAsync(string htmlPath, string pdfPath)
    {
        await oneAtATime.WaitAsync();
        try { return await PrintOneAsync(htmlPath, pdfPath); }
        catch
        {
            // A page that failed (timeout, crashed renderer) is not reused: the next document gets a fresh one.
            try { if (page is not null) await page.Context.CloseAsync(); }
            catch (PlaywrightException) { } // already gone with its renderer
            page = null;
            throw;
        }
        finally { oneAtATime.Release(); }
    }

    private readonly SemaphoreSlim oneAtATime = new(1, 1);
    private IPage? page;
    private List<string> requested = [], blocked = [];

    // One page for the whole batch: its renderer process stays warm, so plotly.js and KaTeX compile once, not per notebook.
    private async Task<IPage> PageAsync()
    {
        if (page is not null) return page;
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = ContentWidthPx, Height = 1000 } });
        var p = await context.NewPageAsync();
        // The lists are swapped for each document; take the current one once so a late event lands in a single list.
        p.Request += (_, request) => { var list = requested; lock (list) list.Add(request.Url); };
        // Reports are self-contained: anything that is not a local file or inline data is refused, never fetched.
        await p.RouteAsync("**/*", async route =>
        {
            var url = route.Request.Url;
            if (url.StartsWith("file:", StringComparison.Ordinal) || url.StartsWith("data:", StringComparison.Ordinal))
                await route.ContinueAsync();
            else
            {
                var list = blocked;
                lock (list) list.Add(url);
                await route.AbortAsync("blockedbyclient");
            }
        });
        return page = p;
    }

    private async Task<PrintResult> PrintOneAsync(string htmlPath, string pdfPath)
    {
        var tab = await PageAsync();
        List<string> requested = this.requested = [], blocked = this.blocked = [];
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var load = TimeSpan.Zero;
        try
        {
            await tab.GotoAsync(new Uri(Path.GetFullPath(htmlPath)).AbsoluteUri,
                new() { WaitUntil = WaitUntilState.Load, Timeout = (float)RenderTimeout.TotalMilliseconds });
            load = clock.Elapsed;
            await tab.WaitForFunctionAsync("() => window.__dlcourseReady === true", null,
                new() { Timeout = (float)Math.Max(1, (RenderTimeout - load).TotalMilliseconds), PollingInterval = 50 });
        }
        catch (TimeoutException)
        {
            throw new ExportException($"{pdfPath}: the page, its math and charts did not finish rendering within {RenderTimeout.TotalSeconds:0.#} s");
        }
        var errors = await tab.EvaluateAsync<string[]>("() => window.__dlcourseErrors || []");
        var render = clock.Elapsed - load;

        var pdf = await tab.PdfAsync(new()
        {
            Format = "A4", PrintBackground = true, Margin = PageMargin,
            DisplayHeaderFooter = true, HeaderTemplate = "<div></div>", FooterTemplate = Footer,
        });
        AtomicFile.WriteAllBytes(pdfPath, pdf);
        lock (requested) lock (blocked) return new PrintResult(requested.ToList(), blocked.ToList(), errors, load, render, clock.Elapsed - load - render);
    }

    public async ValueTask DisposeAsync()
    {
        await browser.DisposeAsync();
        playwright.Dispose();
    }
}
