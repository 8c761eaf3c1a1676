using Microsoft.Playwright;

namespace DlCourse.Cli.Export;

/// <summary>Starts the system's headless Chromium through Playwright: for printing reports, and for the review page's browser test.</summary>
public static class Chromium
{
    /// <summary>Debian's Chromium unless <c>DLCOURSE_CHROMIUM</c> names another; Playwright's own browser downloads are never used.</summary>
    public static string ExecutablePath => Environment.GetEnvironmentVariable("DLCOURSE_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    private static readonly string[] Args =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    /// <summary>Starts Playwright's driver and Chromium (<see cref="ExecutablePath"/> unless given); throws <see cref="ExportException"/> saying what to install when it cannot.</summary>
    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync(string? executablePath = null)
    {
        var executable = executablePath ?? ExecutablePath;
        if (!File.Exists(executable))
            throw new ExportException($"Chromium is not installed (looked for {executable}): install it with `apt-get install chromium` or run environment/setup.sh");
        IPlaywright playwright;
        try { playwright = await Playwright.CreateAsync(); }
        catch (Exception e)
        {
            throw new ExportException($"Playwright's driver did not start ({FirstLine(e.Message)}); rebuild the tool so that its .playwright folder is next to it", e);
        }
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = executable, Args = Args, Headless = true });
            return (playwright, browser);
        }
        catch (Exception e)
        {
            playwright.Dispose();
            throw new ExportException($"Chromium at {executable} did not start ({FirstLine(e.Message)}); reinstall it with `apt-get install chromium` or run environment/setup.sh", e);
        }
    }

    private static string FirstLine(string s) => s.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Trim() ?? s;
}
