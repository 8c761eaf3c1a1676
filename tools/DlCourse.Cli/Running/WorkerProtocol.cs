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
    // Text is escaped only where JSON requires it, so an answer's length stays close to its output's.
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Encode(string token, WorkerMessage message) => token + JsonSerializer.Serialize(message, Json);

    public static WorkerMessage? Decode(string token, string line) =>
        line.StartsWith(token, StringComparison.Ordinal) ? JsonSerializer.Deserialize<WorkerMessage>(line.AsSpan(token.Length), Json) : null;
}

/// <summary>First line to the worker: the token its answers start with, extra NuGet sources for <c>#r "nuget:"</c>, and the
/// size it cuts each output to before sending (0: no cut), so a long error arrives shortened rather than dropped.</summary>
public sealed record WorkerStart(string Token, IReadOnlyList<string> PackageSources, int MaxOutputChars = 0);

/// <summary>Run one cell's code in the given kernel language.</summary>
public sealed record CellRequest(int Cell, string Language, string Code);

/// <summary>A message from the worker: <c>ready</c>, <c>output</c>, <c>update</c> (of an earlier output with the same id) or <c>done</c>
/// (with the checks the course library recorded during the cell, null when none is loaded);
/// <c>overlong</c> is the runner's own, for an answer longer than it reads.</summary>
public sealed record WorkerMessage(string Kind, int Cell = -1, JsonObject? Output = null, string? Id = null, bool Ok = true, JsonArray? Checks = null)
{
    public const string Ready = "ready", OutputKind = "output", Update = "update", Done = "done", Overlong = "overlong";
}
