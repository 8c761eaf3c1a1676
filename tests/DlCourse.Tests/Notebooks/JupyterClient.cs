using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace DlCourse.Tests.Notebooks;

/// <summary>
/// Runs a notebook the way a student's Jupyter does: <c>jupyter nbconvert --to notebook --execute</c> on the
/// <c>.net-csharp</c> kernel that <c>dotnet interactive jupyter install</c> registers (environment/setup.sh registers it).
/// </summary>
public static class JupyterClient
{
    public const string KernelName = ".net-csharp";

    // The kernelspec starts every kernel with --http-port-range 2048-3000, and a kernel takes the first port there that
    // is free when it looks: two kernels starting at the same moment both take 2048, the second dies ("Failed to bind to
    // address http://127.0.0.1:2048: address already in use") and nbconvert writes no executed copy. So kernels start
    // one at a time here, each once Kestrel says "Application started." (all its addresses bound) or its run ends.
    private static readonly SemaphoreSlim starting = new(1, 1);

    /// <summary>Executes <paramref name="source"/> into <paramref name="output"/>; throws with nbconvert's log when it wrote no copy.</summary>
    public static async Task RunAsync(string source, string output, IReadOnlyDictionary<string, string> environment, TimeSpan timeout)
    {
        var info = new ProcessStartInfo("jupyter")
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(source))!, // nbconvert starts the kernel in the notebook's folder
        };
        foreach (var a in new[] { "nbconvert", "--to", "notebook", "--execute", $"--ExecutePreprocessor.kernel_name={KernelName}",
                     "--ExecutePreprocessor.timeout=300", "--ExecutePreprocessor.allow_errors=True",
                     "--output-dir", Path.GetDirectoryName(output)!, "--output", Path.GetFileName(output), source })
            info.ArgumentList.Add(a);
        foreach (var (key, value) in environment) info.Environment[key] = value;

        var log = new StringBuilder();
        var released = 0;
        void Started() { if (Interlocked.Exchange(ref released, 1) == 0) starting.Release(); }
        await starting.WaitAsync();
        try
        {
            using var process = Start(info);
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = Task.Run(async () =>
            {
                while (await process.StandardError.ReadLineAsync() is { } line)
                {
                    lock (log) log.AppendLine(line);
                    if (line.Contains("Application started.", StringComparison.Ordinal)) Started();
                }
            });
            using var cancel = new CancellationTokenSource(timeout);
            try { await process.WaitForExitAsync(cancel.Token); }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"jupyter nbconvert ran over {timeout.TotalMinutes:0} min on {source}");
            }
            await Task.WhenAll(stdout, stderr);
            if (process.ExitCode != 0 || !File.Exists(output))
            {
                var text = log.ToString();
                throw new IOException($"jupyter nbconvert exit {process.ExitCode}, no executed copy: {text[^Math.Min(2000, text.Length)..]}");
            }
        }
        finally
        {
            Started();
        }
    }

    private static Process Start(ProcessStartInfo info)
    {
        try { return Process.Start(info)!; }
        catch (System.ComponentModel.Win32Exception e) { throw new IOException($"no jupyter ({e.Message}): run environment/setup.sh", e); }
    }

    /// <summary>
    /// The one output the kernel adds of its own, ahead of the first cell's outputs: a display of only <c>text/html</c>, the
    /// script by which a browser finds the kernel's HTTP API. Recognized as the known text (Fixtures/jupyter-kernel-banner.html),
    /// in which only the probed addresses (this machine's, with the kernel's port) and a random context number vary.
    /// </summary>
    public static bool IsKernelBanner(JsonNode? output) =>
        output is JsonObject o && (string?)o["output_type"] == "display_data" && o["data"] is JsonObject { Count: 1 } data
        && data["text/html"] is { } html && banner.IsMatch(Text(html).Replace("\r\n", "\n"));

    private static readonly Regex banner = new("^" + Regex.Escape(File.ReadAllText(
            Path.Combine(AppContext.BaseDirectory, "Notebooks", "Fixtures", "jupyter-kernel-banner.html")).Replace("\r\n", "\n"))
        .Replace(Regex.Escape("{{addresses}}"), """\["http://[^"\s]+/"(,"http://[^"\s]+/")*]""")
        .Replace(Regex.Escape("{{id}}"), "[0-9]+") + "$", RegexOptions.CultureInvariant);

    /// <summary>An output's text, which nbformat stores as one string or as a list of lines.</summary>
    private static string Text(JsonNode node) => node is JsonArray lines ? string.Concat(lines.Select(l => (string?)l)) : (string?)node ?? "";
}
