using System.Diagnostics;
using System.Runtime.InteropServices;
using DlCourse.Cli.Running;

namespace DlCourse.Cli.Grading;

/// <summary>Limits for one worker, and what of the grader's disk it may read (<see cref="Readable"/>).</summary>
/// <param name="Readable">Files and folders the worker needs (its loaders and libraries); with a private root it sees only these, the system and the tool.</param>
/// <param name="HiddenFolders">Without a private root: folders covered by empty tmpfs (source, submissions, results).</param>
/// <param name="HiddenFiles">Without a private root: files covered by <c>/dev/null</c> (the source notebooks).</param>
/// <param name="Caches">Self-check only: the student's NuGet packages and data cache, which the worker reads instead of its own empty ones.</param>
public sealed record SandboxOptions(TimeSpan CellTimeout, int MemoryMb = 1024, int MaxProcesses = 512, long MaxOutputBytes = 1 << 20,
    int TmpMb = 256, int NativeMemoryMb = 1024, IReadOnlyList<string>? Readable = null,
    IReadOnlyList<string>? HiddenFolders = null, IReadOnlyList<string>? HiddenFiles = null, StudentCaches? Caches = null);

/// <summary>
/// A student's own caches, lent to the self-check worker: it has no network, so a pack's <c>#r "nuget:"</c> must find the
/// packages the student's earlier runs restored, and the data sets they downloaded.
/// </summary>
public sealed record StudentCaches(string NuGetPackages, string Data)
{
    /// <summary>This user's: NUGET_PACKAGES or ~/.nuget/packages, and DLCOURSE_DATA or ~/.cache/dlcourse (as the library's Download.CacheFolder).</summary>
    public static StudentCaches OfThisUser()
    {
        var home = System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile);
        return new(System.Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } packages ? packages : Path.Combine(home, ".nuget", "packages"),
            System.Environment.GetEnvironmentVariable("DLCOURSE_DATA") is { Length: > 0 } data ? data : Path.Combine(home, ".cache", "dlcourse"));
    }
}

/// <summary>
/// How a grading worker is confined: a command prefix that wraps it and the whole environment it gets. Where this
/// system allows: a private root (bubblewrap) holding only the system's read-only folders, the tool, the
/// <see cref="SandboxOptions.Readable"/> paths and fresh size-limited tmpfs at <c>/tmp</c>, <c>/var/tmp</c> and
/// <c>/dev/shm</c>; no network, own PID namespace; an unprivileged uid; a control group for memory and processes;
/// rlimits. <see cref="Notes"/> says which measures this system did not allow. A path the worker needs that lies under
/// one of those tmpfs (a checkout in <c>/tmp</c>) is shown to it under <see cref="Relocated"/> instead, so they stay
/// empty: <see cref="WorkerPath"/> says where.
/// </summary>
public sealed class Sandbox : IDisposable
{
    public required SandboxOptions Options { get; init; }
    public required IReadOnlyList<string> CommandPrefix { get; init; }
    /// <summary>The worker's whole environment: none of the grader's own variables reach it.</summary>
    public required IReadOnlyDictionary<string, string> Environment { get; init; }
    public required IReadOnlyList<string> Notes { get; init; }
    /// <summary>A folder on the grader's disk for the worker's HOME, only without a private root; deleted on dispose.</summary>
    public string? HostHome { get; init; }
    /// <summary>The uid the worker runs as, held until dispose; -1 where it runs as the grader's user.</summary>
    public int Uid { get; init; } = -1;
    private SandboxUid? lease;

    /// <summary>The worker's control group, if this system has one to give; removed on dispose.</summary>
    public ControlGroup? Group { get; init; }

    /// <summary>Whether the worker has a private root, where paths under the private tmpfs are relocated (<see cref="WorkerPath"/>).</summary>
    public bool HasPrivateRoot { get; init; }

    /// <summary>The read-only folder of the private root under which a needed path from <see cref="PrivateFolders"/> appears, at its full path.</summary>
    public const string Relocated = "/run/dlcourse";

    /// <summary>The folders that are fresh, empty tmpfs in a private root.</summary>
    public static readonly IReadOnlyList<string> PrivateFolders = ["/tmp", "/var/tmp", "/dev/shm"];

    /// <summary>
    /// Where the worker sees <paramref name="path"/> of this machine: in a private root, a path under <c>/tmp</c>,
    /// <c>/var/tmp</c> or <c>/dev/shm</c> is bound at <see cref="Relocated"/> + its full path (<c>/tmp/c/x</c> at
    /// <c>/run/dlcourse/tmp/c/x</c>), so those folders stay empty; one prefix for all, so relative paths between what the
    /// worker is given (a notebook's <c>#!import "../course.csx"</c>, the loader's <c>#r</c>) still resolve. Any other path
    /// is where it is.
    /// </summary>
    public string WorkerPath(string path) => HasPrivateRoot ? InPrivateRoot(path) : path;

    internal static string InPrivateRoot(string path)
    {
        var full = Path.GetFullPath(path);
        return PrivateFolders.Any(f => Paths.IsInside(full, f)) ? Relocated + full.TrimEnd('/') : full;
    }

    // The grader's variables the course library reads; everything else of the grader's environment stays with it.
    private static readonly string[] CourseVariables = ["DLCOURSE_FASHION_MNIST", "DLCOURSE_DATA", "DLCOURSE_DEVICE"];
    private static readonly string[] SystemFolders = ["/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32", "/etc"];

    private static readonly Lazy<SandboxCapabilities> Detected = new(SandboxCapabilities.Probe);

    /// <summary>The sandbox for worker slot <paramref name="slot"/>: each worker runs as its own uid (<see cref="SandboxUid"/>), so concurrent students cannot touch each other.</summary>
    public static Sandbox Create(SandboxOptions options, int slot, string workingDirectory)
    {
        var caps = Detected.Value;
        var notes = new List<string>(caps.Notes);
        var tool = Path.GetDirectoryName(typeof(Sandbox).Assembly.Location)!;
        var dotnetRoot = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        var readable = new List<string>(options.Readable ?? []);
        // Where the worker sees a path of this machine (see WorkerPath): relocated only in a private root.
        string Shown(string path) => caps.PrivateRoot ? InPrivateRoot(path) : path;
        var env = new Dictionary<string, string>
        {
            ["PATH"] = "/usr/local/bin:/usr/bin:/bin", ["LANG"] = "C.UTF-8", ["DOTNET_ROOT"] = Shown(dotnetRoot),
            ["DOTNET_GCHeapHardLimit"] = $"0x{(long)options.MemoryMb << 20:X}",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1", ["DOTNET_DbgEnableMiniDump"] = "0",
        };
        foreach (var name in CourseVariables)
            if (System.Environment.GetEnvironmentVariable(name) is { Length: > 0 } value)
            {
                env[name] = value;
                if (Path.IsPathRooted(value) && Directory.Exists(value))
                {
                    readable.Add(value);
                    env[name] = Shown(value);
                }
            }

        if (options.Caches is { } caches) readable.AddRange(new[] { caches.NuGetPackages, caches.Data }.Where(Directory.Exists));

        var lease = caps.CanSwitchUser ? SandboxUid.Lease(slot) : null;
        if (caps.CanSwitchUser && lease is null) notes.Add("every sandbox uid is in use; the worker runs as the grader's user");
        var uid = lease?.Uid ?? -1;
        // The worker's own uid must be able to read what it is given (its loader and library) and the tool.
        var needed = caps.PrivateRoot ? readable.Append(tool) : readable.Append(tool).Append(workingDirectory);
        if (uid >= 0 && needed.FirstOrDefault(p => !OthersCanRead(p, parents: !caps.PrivateRoot)) is { } closed)
        {
            notes.Add($"{closed} is not readable by other users, so the worker runs as the grader's user");
            uid = -1;
        }

        string? hostHome = null;
        var script = new List<string>();
        var prefix = new List<string>();
        if (caps.PrivateRoot)
        {
            env["HOME"] = env["TMPDIR"] = env["DOTNET_CLI_HOME"] = "/tmp";
            env["NUGET_PACKAGES"] = "/tmp/nuget";
            script.Add(Command(PrivateRoot(options, workingDirectory, tool, dotnetRoot, readable)));
        }
        else
        {
            hostHome = Path.Combine(Path.GetTempPath(), $"dlcourse-grade-{System.Environment.ProcessId}-{slot}-{Guid.NewGuid():N}");
            Directory.CreateDirectory(hostHome);
            if (uid >= 0 && !Chown(hostHome, uid)) { notes.Add("could not give the worker its own folder; it runs as the grader's user"); uid = -1; }
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(hostHome, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            env["HOME"] = env["TMPDIR"] = env["DOTNET_CLI_HOME"] = hostHome;
            env["NUGET_PACKAGES"] = Path.Combine(hostHome, "nuget");
            if (caps.Namespaces)
            {
                prefix.AddRange(["unshare", "--net", "--pid", "--fork", "--kill-child", "--mount", "--mount-proc", "--"]);
                foreach (var folder in options.HiddenFolders ?? [])
                    if (Directory.Exists(folder) && !Paths.IsInside(workingDirectory, folder) && !Paths.IsInside(hostHome, folder) && !Paths.IsInside(tool, folder))
                        script.Add($"mount -t tmpfs -o size=64k,mode=0755 dlcourse-hidden {Quote(folder)}");
                foreach (var file in options.HiddenFiles ?? [])
                    if (File.Exists(file)) script.Add($"mount --bind /dev/null {Quote(file)}");
                // A bounded home in memory, so student code cannot fill the grader's disk.
                if (uid >= 0) script.Add($"mount -t tmpfs -o size={options.TmpMb}m,mode=0700,uid={uid},gid={uid} dlcourse-home {Quote(hostHome)}");
            }
            else if (caps.UserNetworkNamespace)
                prefix.AddRange(["unshare", "--map-root-user", "--net", "--"]);
        }

        // After HOME above, whose own empty NuGet folder the lent one replaces.
        if (options.Caches is { } lent)
        {
            env["NUGET_PACKAGES"] = Shown(lent.NuGetPackages);
            env["DLCOURSE_DATA"] = Shown(lent.Data);
        }

        // One memory bound for the control group and the data rlimit: the managed heap plus native memory.
        var memoryBytes = (long)(options.MemoryMb + options.NativeMemoryMb) << 20;
        var group = ControlGroup.TryCreate($"dlcourse-{System.Environment.ProcessId}-{slot}-{Guid.NewGuid():N}",
            memoryBytes, options.MaxProcesses, out var why);
        if (group is null)
            notes.Add($"memory and processes are limited by the managed-heap limit and prlimit, not a control group ({why})");
        // Joined before anything else starts: the worker and whatever it starts are counted from the first byte.
        var join = group is null ? [] : group.ProcsFiles.Select(f => $"echo $$ > {Quote(f)}").ToList();

        var limits = $"prlimit --data={memoryBytes} --nproc={options.MaxProcesses} --fsize={256L << 20} --core=0 --";
        var drop = uid >= 0 ? $"setpriv --reuid={uid} --regid={uid} --clear-groups --no-new-privs --inh-caps=-all --bounding-set=-all " : "";
        var exec = $"{drop}{(caps.Prlimit ? limits : "")} \"$@\"";
        if (caps.PrivateRoot) script[^1] += " " + exec;
        else if (caps.Prlimit || drop.Length > 0 || script.Count > 0) script.Add("exec " + exec);
        if (join.Count + script.Count > 0)
            prefix.AddRange(["/bin/sh", "-c", string.Join('\n', join.Concat(script)), "dlcourse-sandbox"]);
        return new Sandbox { Options = options, CommandPrefix = prefix, Environment = env, Notes = notes, HostHome = hostHome, Group = group, Uid = uid, lease = lease,
            HasPrivateRoot = caps.PrivateRoot };
    }

    // bubblewrap's arguments for a root that holds the system read-only, the tool, what the worker may read, and
    // private tmpfs (sizes bounded, gone with the worker). Sources are read from the grader's root; a destination under
    // the private tmpfs is relocated (InPrivateRoot), so nothing is bound or made inside them and they stay empty.
    private static List<string> PrivateRoot(SandboxOptions options, string workingDirectory, string tool, string dotnetRoot, IEnumerable<string> readable)
    {
        var args = new List<string> { "exec", "bwrap", "--unshare-pid", "--unshare-net", "--unshare-ipc", "--unshare-uts", "--unshare-cgroup-try",
            "--die-with-parent", "--new-session" };
        foreach (var folder in SystemFolders)
        {
            var info = new DirectoryInfo(folder);
            if (info.LinkTarget is { } target) args.AddRange(["--symlink", target, folder]);
            else if (info.Exists) args.AddRange(["--ro-bind", folder, folder]);
        }
        args.AddRange(["--proc", "/proc", "--dev", "/dev"]);
        args.AddRange(["--perms", "1777", "--size", $"{(long)options.TmpMb << 20}", "--tmpfs", "/tmp"]);
        args.AddRange(["--perms", "1777", "--size", $"{16L << 20}", "--tmpfs", "/var/tmp"]);
        args.AddRange(["--perms", "1777", "--size", $"{64L << 20}", "--tmpfs", "/dev/shm"]);
        var bound = new[] { dotnetRoot, tool }.Concat(readable).Select(p => Path.GetFullPath(p).TrimEnd('/'))
            .Where(p => !SystemFolders.Any(s => Paths.IsInside(p, s))).Distinct(StringComparer.Ordinal)
            .Select(p => (Source: p, Target: InPrivateRoot(p))).ToList();
        var work = InPrivateRoot(workingDirectory);
        // bubblewrap would make the folders above a mount point private to root; the worker's uid must pass through them.
        var parents = bound.Select(b => b.Target).Append(work).SelectMany(Ancestors).Where(p => !SystemFolders.Any(s => Paths.IsInside(p, s)))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        foreach (var parent in parents) args.AddRange(["--perms", "0755", "--dir", parent]);
        foreach (var (source, target) in bound) args.AddRange(["--ro-bind", source, target]);
        // The notebook's folder exists (relative paths resolve as in VS Code) but holds nothing of the source's.
        args.AddRange(["--perms", "1777", "--size", $"{16L << 20}", "--tmpfs", work, "--chdir", work, "--"]);
        return args;
    }

    private static IEnumerable<string> Ancestors(string path)
    {
        for (var dir = Path.GetDirectoryName(Path.GetFullPath(path)); dir is { Length: > 1 }; dir = Path.GetDirectoryName(dir)) yield return dir;
    }

    private static string Command(IEnumerable<string> args) => string.Join(' ', args.Select(a => a == "exec" ? a : Quote(a)));

    /// <summary>How the runner starts a worker in this sandbox for a notebook whose folder is <paramref name="workingDirectory"/>.</summary>
    public RunOptions RunOptions(string workingDirectory) => new()
    {
        CellTimeout = Options.CellTimeout,
        StartTimeout = TimeSpan.FromSeconds(Math.Max(60, Options.CellTimeout.TotalSeconds)),
        // The first cell also compiles the kernel's C# pipeline, which takes seconds on a loaded machine.
        FirstCellTimeout = Options.CellTimeout + TimeSpan.FromSeconds(60),
        Environment = Environment,
        InheritEnvironment = false,
        CommandPrefix = CommandPrefix,
        WorkerPath = WorkerPath,
        WorkingDirectory = workingDirectory,
        MaxOutputCharsPerCell = (int)Math.Min(int.MaxValue, Options.MaxOutputBytes),
        PackageSources = [], // student code gets no package feed: nothing outside the course library is needed
    };

    public void Dispose()
    {
        Group?.Dispose();
        lease?.Dispose();
        if (HostHome is null) return;
        try { Directory.Delete(HostHome, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }


    // Without a private root every folder above the path must let others through; with one, bubblewrap makes those parents.
    private static bool OthersCanRead(string path, bool parents)
    {
        if (OperatingSystem.IsWindows()) return true;
        var full = Path.GetFullPath(path);
        if (File.Exists(full))
        {
            if ((File.GetUnixFileMode(full) & UnixFileMode.OtherRead) == 0) return false;
            if (!parents) return true;
            full = Path.GetDirectoryName(full)!;
        }
        for (var dir = new DirectoryInfo(full); dir is not null; dir = parents ? dir.Parent : null)
            if (dir.Exists && (dir.UnixFileMode & UnixFileMode.OtherExecute) == 0) return false;
        return true;
    }

    private static string Quote(string s) => "'" + s.Replace("'", "'\\''") + "'";

    private static bool Chown(string path, int uid)
    {
        [DllImport("libc", SetLastError = true)] static extern int chown(string path, int owner, int group);
        try { return chown(path, uid, uid) == 0; } catch (DllNotFoundException) { return false; }
    }
}
