using System.Text.Json;
using System.Text.Json.Nodes;

namespace DlCourse.Cli.Running;

/// <summary>The line protocol between the runner and its <c>dlcourse kernel</c> worker.</summary>
/// <remarks>
/// The runner writes one JSON object per line to the worker's stdin: first a <see cref="WorkerStart"/>, then one
/// <see cref="CellRequest"/> per cell. The worker answers on stdout with lines that begin with the start's token,
/// so that anything else user code prints there is ignored rather than taken for a message.
/// </remarks>
public static class WorkerProtocol
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Encode(string token, WorkerMessage message) => token + JsonSerializer.Serialize(message, Json);

    public static WorkerMessage? Decode(string token, string line) =>
        line.StartsWith(token, StringComparison.Ordinal) ? JsonSerializer.Deserialize<WorkerMessage>(line.AsSpan(token.Length), Json) : null;
}

/// <summary>First line to the worker: the token its answers start with, and extra NuGet sources for <c>#r "nuget:"</c>.</summary>
public sealed record WorkerStart(string Token, IReadOnlyList<string> PackageSources);

/// <summary>Run one cell's code in the given kernel language.</summary>
public sealed record CellRequest(int Cell, string Language, string Code);

/// <summary>A message from the worker: <c>ready</c>, <c>output</c>, <c>update</c> (of an earlier output with the same id) or <c>done</c>.</summary>
public sealed record WorkerMessage(string Kind, int Cell = -1, JsonObject? Output = null, string? Id = null, bool Ok = true)
{
    public const string Ready = "ready", OutputKind = "output", Update = "update", Done = "done";
}
