namespace DlCourse.Cli.Running;

/// <summary>How to run a notebook: limits, the worker's environment, and an optional sandbox around it.</summary>
public sealed record RunOptions
{
    /// <summary>Longest a single cell may run before its worker is killed.</summary>
    public TimeSpan CellTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Limit for the first code cell, which also pays for compiling the kernel's C# pipeline; null means <see cref="CellTimeout"/>.</summary>
    public TimeSpan? FirstCellTimeout { get; init; }

    /// <summary>Longest the worker may take to start its kernel.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>"fast" or "full", passed to notebooks as DLCOURSE_PROFILE; null leaves the environment's value.</summary>
    public string? Profile { get; init; }

    /// <summary>The profile notebooks will see: <see cref="Profile"/>, else the environment's DLCOURSE_PROFILE, else "fast".</summary>
    public string EffectiveProfile => Profile ?? System.Environment.GetEnvironmentVariable("DLCOURSE_PROFILE") ?? "fast";

    /// <summary>Whether the worker starts with this process's environment; without it, it gets only <see cref="Environment"/> and the profile.</summary>
    public bool InheritEnvironment { get; init; } = true;

    /// <summary>Extra environment variables for the worker.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>A command the worker runs under, e.g. <c>["unshare", "--net", "--"]</c>; empty runs it directly.</summary>
    public IReadOnlyList<string> CommandPrefix { get; init; } = [];

    /// <summary>Where the worker, under <see cref="CommandPrefix"/>, sees a path of this machine; applied to the worker's
    /// command (the tool and the <c>dotnet</c> that runs it). A sandbox's private root may show a path elsewhere
    /// (<c>Sandbox.WorkerPath</c>); by default every path is where it is.</summary>
    public Func<string, string> WorkerPath { get; init; } = path => path;

    /// <summary>Characters of output kept per cell; the rest is dropped with a note, so runaway printing can't fill a disk.</summary>
    public int MaxOutputCharsPerCell { get; init; } = 1_000_000;

    /// <summary>The worker's working directory; null means the notebook's own folder, so relative paths resolve as in VS Code.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>NuGet sources added with <c>#i</c> before the first cell; by default the local feed, where it exists.</summary>
    public IReadOnlyList<string> PackageSources { get; init; } = PackageFeeds.Default();
}
