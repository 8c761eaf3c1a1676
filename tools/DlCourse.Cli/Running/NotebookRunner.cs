using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using DlCourse.Cli.Notebooks;

namespace DlCourse.Cli.Running;

/// <summary>Executes a notebook's code cells in a fresh <c>dlcourse kernel</c> worker, killing it when a cell outlives its timeout.</summary>
/// <remarks>The kernel ignores interrupts, so a separate process is the only reliable way to stop a runaway cell.</remarks>
public static class NotebookRunner
{
    public static async Task<NotebookRun> RunAsync(
        Notebook source, string? sourcePath, RunOptions options, IProgress<RunProgress>? progress = null, CancellationToken cancel = default)
    {
        var clock = Stopwatch.StartNew();
        var notebook = source.Clone();
        notebook.ClearOutputs();
        var codeCells = notebook.Cells.Where(c => c.Kind == CellKind.Code).ToList();
        var runs = new List<CellRun>();
        progress?.Report(new RunProgress(0, codeCells.Count));
        if (codeCells.Count == 0) return new NotebookRun(notebook, runs, clock.Elapsed);

        var directory = options.WorkingDirectory
                        ?? (sourcePath is null ? Directory.GetCurrentDirectory() : Path.GetDirectoryName(Path.GetFullPath(sourcePath))!);
        if (!Directory.Exists(directory)) throw new DirectoryNotFoundException($"{directory}: the notebook's working folder does not exist");
        await using var worker = Worker.Start(directory, options);

        var started = await worker.StartKernelAsync(options, cancel);
        var kernelStart = clock.Elapsed;
        var executionCount = 0;
        foreach (var cell in codeCells)
        {
            if (started is not null)
            {
                // The kernel is gone (or never came up): say so on this cell and leave the rest unrun.
                cell.Outputs.Add(started);
                runs.Add(new CellRun(cell.Index, CellStatus.KernelDied, TimeSpan.Zero));
                started = null;
                worker.Dead = true;
                continue;
            }
            if (worker.Dead)
            {
                runs.Add(new CellRun(cell.Index, CellStatus.NotRun, TimeSpan.Zero));
                continue;
            }
            cell.ExecutionCount = ++executionCount;
            var cellClock = Stopwatch.StartNew();
            var timeout = executionCount == 1 ? options.FirstCellTimeout ?? options.CellTimeout : options.CellTimeout;
            var status = await worker.RunCellAsync(cell, options, timeout, cancel);
            runs.Add(new CellRun(cell.Index, status, cellClock.Elapsed, worker.TakeChecks()));
            progress?.Report(new RunProgress(runs.Count, codeCells.Count));
        }
        return new NotebookRun(notebook, runs, clock.Elapsed) { KernelStart = kernelStart };
    }

    /// <summary>One worker process and the reader of its answers.</summary>
    private sealed class Worker : IAsyncDisposable
    {
        private readonly Process process;
        private readonly string token = Guid.NewGuid().ToString("N");
        // Bounded, so a worker that floods answers waits on its pipe instead of filling the runner's memory.
        private readonly Channel<WorkerMessage> messages = Channel.CreateBounded<WorkerMessage>(8);
        private readonly int maxLine;
        // Ends the answer reader when the runner is done with the worker, even while it waits on a full channel.
        private readonly CancellationTokenSource done = new();
        private readonly StringBuilder stderrTail = new();
        private readonly Task readers;

        private Worker(Process process, int maxOutputChars)
        {
            this.process = process;
            // Room for a whole cell's output JSON-escaped twice over; anything longer is past the cap anyway.
            maxLine = (int)Math.Min(int.MaxValue / 2, 2L * maxOutputChars + 65_536);
            readers = Task.WhenAll(ReadAnswersAsync(), ReadStderrAsync());
        }

        public bool Dead { get; set; }

        public static Worker Start(string directory, RunOptions options)
        {
            var (file, arguments) = WorkerCommand.Resolve();
            var info = new ProcessStartInfo
            {
                FileName = options.CommandPrefix.Count > 0 ? options.CommandPrefix[0] : file,
                WorkingDirectory = directory,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                StandardInputEncoding = new UTF8Encoding(false),
                StandardOutputEncoding = Encoding.UTF8,
                StandardErrorEncoding = Encoding.UTF8,
            };
            foreach (var arg in options.CommandPrefix.Skip(1)) info.ArgumentList.Add(arg);
            // Under a prefix the worker's own command names the tool (and dotnet) where the worker sees them.
            string Shown(string arg) => options.CommandPrefix.Count > 0 && Path.IsPathRooted(arg) ? options.WorkerPath(arg) : arg;
            if (options.CommandPrefix.Count > 0) info.ArgumentList.Add(Shown(file));
            foreach (var arg in arguments) info.ArgumentList.Add(Shown(arg));
            if (!options.InheritEnvironment) info.Environment.Clear();
            info.Environment["DLCOURSE_PROFILE"] = options.EffectiveProfile;
            info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            foreach (var (key, value) in options.Environment) info.Environment[key] = value;
            return new Worker(Process.Start(info) ?? throw new InvalidOperationException($"could not start {file}"), options.MaxOutputCharsPerCell);
        }

        /// <summary>Sends the start line and waits for the kernel; returns an error output if it did not come up.</summary>
        public async Task<JsonObject?> StartKernelAsync(RunOptions options, CancellationToken cancel)
        {
            try
            {
                await SendAsync(new WorkerStart(token, options.PackageSources, options.MaxOutputCharsPerCell));
            }
            catch (IOException)
            {
                return await DiedAsync("before it started");
            }
            var ready = await NextAsync(options.StartTimeout, cancel);
            return ready switch
            {
                { Kind: WorkerMessage.Ready } => null,
                null when !process.HasExited => Kill($"The kernel did not start within {options.StartTimeout.TotalSeconds:0} s."),
                _ => await DiedAsync("while starting"),
            };
        }

        private JsonArray? checks;

        /// <summary>The checks the last cell's <c>done</c> carried; null when it had none or did not finish.</summary>
        public JsonArray? TakeChecks()
        {
            var taken = checks;
            checks = null;
            return taken;
        }

        public async Task<CellStatus> RunCellAsync(NotebookCell cell, RunOptions options, TimeSpan timeout, CancellationToken cancel)
        {
            var outputs = new CellOutputCollector(cell, options.MaxOutputCharsPerCell);
            try
            {
                await SendAsync(new CellRequest(cell.Index, cell.Language, cell.Source));
            }
            catch (IOException)
            {
                outputs.Add(await DiedAsync("before this cell"));
                return CellStatus.KernelDied;
            }

            var deadline = DateTime.UtcNow + timeout;
            while (true)
            {
                var message = await NextAsync(deadline - DateTime.UtcNow, cancel);
                switch (message)
                {
                    case null when !process.HasExited && !messages.Reader.Completion.IsCompleted:
                        outputs.Add(Kill($"Cell timed out after {timeout.TotalSeconds:0.#} s; the kernel was stopped and the cells after it were not run."));
                        return CellStatus.TimedOut;
                    case null:
                        outputs.Add(await DiedAsync("while running this cell"));
                        return CellStatus.KernelDied;
                    // Answers name their cell: one that names another (code of an earlier cell still running) is dropped.
                    case { Cell: var c } when c != cell.Index && message.Kind != WorkerMessage.Overlong:
                        break;
                    case { Kind: WorkerMessage.Overlong }:
                        outputs.Truncate();
                        break;
                    case { Kind: WorkerMessage.OutputKind, Output: { } output }:
                        outputs.Add(output, message.Id);
                        break;
                    case { Kind: WorkerMessage.Update, Output: { } output, Id: { } id }:
                        outputs.Update(id, output);
                        break;
                    case { Kind: WorkerMessage.Done }:
                        checks = message.Checks;
                        if (!message.Ok) outputs.Failed();
                        outputs.Flush();
                        return message.Ok ? CellStatus.Succeeded : CellStatus.Failed;
                }
            }
        }

        private async Task<WorkerMessage?> NextAsync(TimeSpan wait, CancellationToken cancel)
        {
            if (wait <= TimeSpan.Zero) return null;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            timeout.CancelAfter(wait);
            try
            {
                return await messages.Reader.ReadAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
            {
                return null;
            }
            catch (ChannelClosedException)
            {
                return null;
            }
        }

        private async Task SendAsync<T>(T message)
        {
            await process.StandardInput.WriteLineAsync(JsonSerializer.Serialize(message, WorkerProtocol.Json));
            await process.StandardInput.FlushAsync();
        }

        private JsonObject Kill(string reason)
        {
            Dead = true;
            try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            return CellOutputs.Error("TimeoutException", reason);
        }

        private async Task<JsonObject> DiedAsync(string when)
        {
            Dead = true;
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(_ => { });
            await readers.WaitAsync(TimeSpan.FromSeconds(2)).ContinueWith(_ => { });
            var code = process.HasExited ? $" with code {process.ExitCode}" : "";
            string tail;
            lock (stderrTail) tail = stderrTail.ToString().Trim();
            var message = $"The kernel process exited{code} {when}; the cells after it were not run.";
            return CellOutputs.Error("KernelDiedException", message, tail.Length == 0 ? [message] : [message, .. tail.Split('\n')]);
        }

        private async Task ReadAnswersAsync()
        {
            var lines = new BoundedLines(process.StandardOutput, maxLine);
            while (await lines.NextAsync() is var (line, overlong) && (line is not null || overlong))
            {
                WorkerMessage? message = overlong ? new WorkerMessage(WorkerMessage.Overlong) : null;
                try { message ??= WorkerProtocol.Decode(token, line!); } catch (JsonException) { }
                if (message is null) continue;
                try { await messages.Writer.WriteAsync(message, done.Token); }
                catch (OperationCanceledException) { break; }
            }
            messages.Writer.TryComplete();
        }

        private async Task ReadStderrAsync()
        {
            const int keep = 4000;
            var buffer = new char[1024];
            int read;
            while ((read = await process.StandardError.ReadAsync(buffer)) > 0)
            {
                lock (stderrTail)
                {
                    stderrTail.Append(buffer, 0, read);
                    if (stderrTail.Length > 2 * keep) stderrTail.Remove(0, stderrTail.Length - keep);
                }
            }
        }

        public async ValueTask DisposeAsync()
        {
            try { process.StandardInput.Close(); } catch (IOException) { }
            if (!await ExitsWithinAsync(TimeSpan.FromSeconds(5)))
            {
                try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            }
            done.Cancel();
            await readers.WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(_ => { });
            process.Dispose();
            done.Dispose();
        }

        private async Task<bool> ExitsWithinAsync(TimeSpan wait)
        {
            try { await process.WaitForExitAsync().WaitAsync(wait); return true; }
            catch (TimeoutException) { return false; }
        }
    }
}
