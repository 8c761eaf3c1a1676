using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DlCourse.Cli.Notebooks;

namespace DlCourse.Cli.Running;

/// <summary>The worker process behind <c>dlcourse kernel</c>: reads cell requests on stdin, runs them, answers on stdout.</summary>
public static class KernelWorker
{
    public static async Task<int> RunAsync()
    {
        // Requests and answers move to descriptors of their own; Console output outside a cell lands on stderr.
        var (requests, answers) = PrivateChannel.Open();
        var protocol = new StreamWriter(answers, new UTF8Encoding(false)) { AutoFlush = true };
        Console.SetOut(Console.Error);
        var input = new StreamReader(requests, Encoding.UTF8);

        var start = JsonSerializer.Deserialize<WorkerStart>(await input.ReadLineAsync() ?? "", WorkerProtocol.Json)
                    ?? throw new InvalidOperationException("the worker expects a start line on stdin");
        var gate = new object();
        void Send(WorkerMessage message)
        {
            lock (gate) protocol.WriteLine(WorkerProtocol.Encode(start.Token, message));
        }

        JsonObject Clip(JsonObject output) => start.MaxOutputChars > 0 ? CellOutputs.Clip(output, start.MaxOutputChars) : output;

        using var host = await KernelHost.StartAsync(start.PackageSources);
        Send(new WorkerMessage(WorkerMessage.Ready));

        while (await input.ReadLineAsync() is { } line)
        {
            var request = JsonSerializer.Deserialize<CellRequest>(line, WorkerProtocol.Json)!;
            var ok = await host.RunAsync(
                request.Code,
                request.Language,
                (output, id) => Send(new WorkerMessage(WorkerMessage.OutputKind, request.Cell, Clip(output), id)),
                (id, output) => Send(new WorkerMessage(WorkerMessage.Update, request.Cell, Clip(output), id)));
            Send(new WorkerMessage(WorkerMessage.Done, request.Cell, Ok: ok, Checks: LibraryChecks.Drain()));
        }
        return 0;
    }
}
