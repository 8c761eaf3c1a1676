using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using DlCourse.Cli.Notebooks;
using DlCourse.Tests.Support;

namespace DlCourse.Tests.Notebooks;

/// <summary>
/// Runs a notebook the way VS Code's Polyglot Notebooks does: one <c>dotnet-interactive stdio</c> kernel (the local tool
/// manifest's) started in the notebook's folder, one <c>SubmitCode</c> envelope per code cell, its event envelopes read back.
/// </summary>
public static class InteractiveStdioClient
{
    /// <summary>
    /// Runs every code cell in order; per cell, its output kinds as <see cref="ClientParityTests.CodeCells"/> describes them
    /// (<c>error</c> when it failed). A cell with no answer within <paramref name="cellTimeout"/> ends the run.
    /// </summary>
    public static async Task<List<string>> RunAsync(string notebookPath, TimeSpan cellTimeout, IReadOnlyDictionary<string, string> environment)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(notebookPath))!;
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
            WorkingDirectory = folder, StandardInputEncoding = new UTF8Encoding(false),
        };
        // The arguments VS Code's default kernelTransportArgs give, with the tool from the repository's manifest.
        foreach (var a in new[] { "tool", "run", "dotnet-interactive", "--", "[vscode]", "stdio", "--working-dir", folder }) info.ArgumentList.Add(a);
        info.Environment["DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (key, value) in environment) info.Environment[key] = value;

        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            await NextAsync(process, e => (string?)e["eventType"] == "KernelReady", TimeSpan.FromMinutes(2), _ => { });
            var results = new List<string>();
            var cells = Notebook.Load(notebookPath).Cells.Where(c => c.Kind == CellKind.Code).ToList();
            foreach (var (cell, i) in cells.Select((c, i) => (c, i)))
            {
                var token = $"cell-{i}";
                var kernel = (string?)cell.Metadata["polyglot_notebook"]?["kernelName"] ?? "csharp";
                var command = new JsonObject
                {
                    ["commandType"] = "SubmitCode",
                    ["command"] = new JsonObject { ["code"] = cell.Source, ["targetKernelName"] = kernel },
                    ["token"] = token,
                };
                await process.StandardInput.WriteLineAsync(command.ToJsonString());
                await process.StandardInput.FlushAsync();
                results.Add(await ReadCellAsync(process, token, cellTimeout));
            }
            return results;
        }
        catch (TimeoutException e)
        {
            var log = await Finish(process, stderr);
            throw new TimeoutException($"{notebookPath}: {e.Message}\n{log[^Math.Min(2000, log.Length)..]}", e);
        }
        finally
        {
            await Finish(process, stderr);
        }
    }

    // The commands are sent one at a time, so every event until the cell's own CommandSucceeded/CommandFailed belongs
    // to that cell (its child commands too, e.g. a #r "nuget:" restore).
    private static async Task<string> ReadCellAsync(Process process, string token, TimeSpan timeout)
    {
        var streams = false;
        var displays = new List<(string? Id, HashSet<string> Mimes)>();
        var errors = 0;
        var end = await NextAsync(process, e => (string?)e["command"]?["token"] == token && (string?)e["eventType"] is "CommandSucceeded" or "CommandFailed",
            timeout, e =>
            {
                var mimes = (e["event"]?["formattedValues"]?.AsArray() ?? []).Select(v => (string)v!["mimeType"]!).ToHashSet();
                var id = (string?)e["event"]?["valueId"];
                switch ((string?)e["eventType"])
                {
                    case "StandardOutputValueProduced" or "StandardErrorValueProduced": streams = true; break;
                    case "DisplayedValueProduced" or "ReturnValueProduced": displays.Add((id, mimes)); break;
                    case "DisplayedValueUpdated":
                        // An update replaces the shown value's data, as the notebook's output is replaced in place.
                        if (displays.FindIndex(d => d.Id is not null && d.Id == id) is >= 0 and var at) displays[at] = (id, mimes);
                        break;
                    case "ErrorProduced": errors++; break;
                }
            });
        var kinds = displays.SelectMany(d => d.Mimes).ToList();
        if (streams) kinds.Add("stream");
        if ((string?)end["eventType"] == "CommandFailed" || errors > 0) kinds.Add("error");
        return ClientParityTests.Describe(kinds);
    }

    /// <summary>Reads event envelopes (skipping the banner and other non-JSON lines) until one matches <paramref name="done"/>.</summary>
    private static async Task<JsonNode> NextAsync(Process process, Func<JsonNode, bool> done, TimeSpan timeout, Action<JsonNode> seen)
    {
        using var cancel = new CancellationTokenSource(timeout);
        while (true)
        {
            string? line;
            try { line = await process.StandardOutput.ReadLineAsync(cancel.Token); }
            catch (OperationCanceledException) { throw new TimeoutException($"no answer within {timeout.TotalSeconds:0} s"); }
            if (line is null) throw new TimeoutException($"dotnet-interactive exited (code {(process.WaitForExit(5000) ? process.ExitCode : -1)})");
            if (!line.StartsWith('{')) continue;
            var envelope = JsonNode.Parse(line)!;
            if (envelope["eventType"] is null) continue; // a command the kernel sends its client (none of the course's cells ask)
            if (done(envelope)) return envelope;
            seen(envelope);
        }
    }

    private static async Task<string> Finish(Process process, Task<string> stderr)
    {
        if (!process.HasExited)
        {
            // Quit, as VS Code ends its kernel. Closing the kernel's input instead leaves 1.0.712001 spinning on a core
            // until it is killed (measured: 100 % CPU for as long as it was let run).
            try
            {
                await process.StandardInput.WriteLineAsync("""{"commandType":"Quit","command":{},"token":"quit"}""");
                await process.StandardInput.FlushAsync();
            }
            catch (IOException) { } // it exited meanwhile
            if (!process.WaitForExit(10_000)) process.Kill(entireProcessTree: true);
        }
        return await stderr;
    }
}
