using System.Diagnostics;
using System.Runtime.InteropServices;

namespace DlCourse.Cli.Grading;

/// <summary>Limits for one worker; paths the worker must not see (source notebooks, submissions, results).</summary>
public sealed record SandboxOptions(TimeSpan CellTimeout, int MemoryMb = 1024, int MaxProcesses = 512, long MaxOutputBytes = 1 << 20, int HomeMb = 256,
    IReadOnlyList<string>? HiddenFolders = null, IReadOnlyList<string>? HiddenFiles = null);

/// <summary>
/// How a grading worker is confined: a command prefix that wraps it (network, PID and mount namespaces, an
/// unprivileged user of its own, rlimits) and environment variables (managed-heap limit, private home).
/// Each measure is applied where this system allows it; <see cref="Notes"/> says which were not.
/// </summary>
public sealed class Sandbox : IDisposable
{
    public required SandboxOptions Options { get; init; }
    public required IReadOnlyList<string> CommandPrefix { get; init; }
    public required IReadOnlyDictionary<string, string> Environment { get; init; }
    public required IReadOnlyList<string> Notes { get; init; }
    /// <summary>A private, writable folder for the worker (its HOME and TMPDIR); deleted on dispose.</summary>
    public required string Home { get; init; }

    private static readonly Lazy<Capabilities> Detected = new(Capabilities.Probe);

    /// <summary>The sandbox for worker slot <paramref name="slot"/>: each slot runs as its own uid, so concurrent students cannot touch each other.</summary>
    public static Sandbox Create(SandboxOptions options, int slot, string workingDirectory)
    {
        var caps = Detected.Value;
        var notes = new List<string>(caps.Notes);
        var home = Path.Combine(Path.GetTempPath(), $"dlcourse-grade-{System.Environment.ProcessId}-{slot}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(home);
        var uid = caps.CanSwitchUser ? 62000 + slot : -1;
        if (uid >= 0 && !Chown(home, uid)) { notes.Add("could not give the worker its own folder; it runs as the grader's user"); uid = -1; }
        // The worker's own uid must be able to reach the notebook's folder (its loader and library) and the tool.
        if (uid >= 0 && new[] { workingDirectory, AppContext.BaseDirectory }.FirstOrDefault(d => !OthersCanRead(d)) is { } closed)
        {
            notes.Add($"{closed} is not readable by other users, so the worker runs as the grader's user");
            uid = -1;
        }
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(home, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var env = new Dictionary<string, string>
        {
            ["DOTNET_GCHeapHardLimit"] = $"0x{(long)options.MemoryMb << 20:X}",
            ["HOME"] = home, ["TMPDIR"] = home, ["DOTNET_CLI_HOME"] = home,
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1",
            ["DOTNET_DbgEnableMiniDump"] = "0", ["NUGET_PACKAGES"] = Path.Combine(home, "nuget"),
        };

        var prefix = new List<string>();
        var script = new List<string>();
        if (caps.Namespaces)
        {
            prefix.AddRange(["unshare", "--net", "--pid", "--fork", "--kill-child", "--mount", "--mount-proc", "--"]);
            foreach (var folder in options.HiddenFolders ?? [])
                if (Directory.Exists(folder) && !IsInside(workingDirectory, folder) && !IsInside(home, folder) && !IsInside(AppContext.BaseDirectory, folder))
                    script.Add($"mount -t tmpfs -o size=64k,mode=0755 dlcourse-hidden {Quote(folder)}");
            foreach (var file in options.HiddenFiles ?? [])
                if (File.Exists(file)) script.Add($"mount --bind /dev/null {Quote(file)}");
            // A bounded home in memory, so student code cannot fill the grader's disk.
            if (uid >= 0) script.Add($"mount -t tmpfs -o size={options.HomeMb}m,mode=0700,uid={uid},gid={uid} dlcourse-home {Quote(home)}");
        }
        else if (caps.UserNetworkNamespace)
            prefix.AddRange(["unshare", "--map-root-user", "--net", "--"]);
        var limits = $"prlimit --data={((long)options.MemoryMb + 1024) << 20} --nproc={options.MaxProcesses} --fsize={256L << 20} --core=0 --";
        var drop = uid >= 0 ? $"setpriv --reuid={uid} --regid={uid} --clear-groups --no-new-privs --inh-caps=-all " : "";
        if (caps.Prlimit || drop.Length > 0 || script.Count > 0)
        {
            script.Add($"exec {drop}{(caps.Prlimit ? limits : "")} \"$@\"");
            prefix.AddRange(["/bin/sh", "-c", string.Join('\n', script), "dlcourse-sandbox"]);
        }
        return new Sandbox { Options = options, CommandPrefix = prefix, Environment = env, Notes = notes, Home = home };
    }

    public void Dispose()
    {
        try { Directory.Delete(Home, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static bool IsInside(string path, string folder)
    {
        var p = Path.GetFullPath(path).TrimEnd('/') + "/";
        var f = Path.GetFullPath(folder).TrimEnd('/') + "/";
        return p.StartsWith(f, StringComparison.Ordinal);
    }

    private static bool OthersCanRead(string folder)
    {
        if (OperatingSystem.IsWindows()) return true;
        for (var dir = new DirectoryInfo(Path.GetFullPath(folder)); dir is not null; dir = dir.Parent)
            if (dir.Exists && (dir.UnixFileMode & UnixFileMode.OtherExecute) == 0) return false;
        return true;
    }

    private static string Quote(string s) => "'" + s.Replace("'", "'\\''") + "'";

    private static bool Chown(string path, int uid)
    {
        [DllImport("libc", SetLastError = true)] static extern int chown(string path, int owner, int group);
        try { return chown(path, uid, uid) == 0; } catch (DllNotFoundException) { return false; }
    }

    private sealed record Capabilities(bool Namespaces, bool UserNetworkNamespace, bool CanSwitchUser, bool Prlimit, IReadOnlyList<string> Notes)
    {
        public static Capabilities Probe()
        {
            var notes = new List<string>();
            if (!OperatingSystem.IsLinux())
                return new(false, false, false, false, ["not on Linux: student code runs without network, user or memory isolation, only with the per-cell timeout"]);
            bool root = System.Environment.UserName == "root" || Succeeds("/bin/sh", "-c", "[ \"$(id -u)\" = 0 ]");
            bool ns = root && Succeeds("unshare", "--net", "--pid", "--fork", "--kill-child", "--mount", "--mount-proc", "--", "true");
            bool userNet = !ns && Succeeds("unshare", "--map-root-user", "--net", "--", "true");
            bool setpriv = root && Succeeds("setpriv", "--reuid=62000", "--regid=62000", "--clear-groups", "--", "true");
            bool prlimit = Succeeds("prlimit", "--nproc=4096", "--", "true");
            if (!ns && !userNet) notes.Add("no network namespace available: student code may reach the network");
            else if (!ns) notes.Add("no PID or mount namespace (not root): processes started by student code may outlive the worker, and the source notebooks are readable to it");
            if (!setpriv) notes.Add("cannot switch to an unprivileged user (not root or no setpriv): student code runs as the grader's user");
            if (!prlimit) notes.Add("prlimit is missing: no process-count or native-memory limit (the managed-heap limit still applies)");
            return new(ns, userNet, setpriv, prlimit, notes);
        }

        private static bool Succeeds(string file, params string[] args)
        {
            try
            {
                var info = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true };
                foreach (var a in args) info.ArgumentList.Add(a);
                using var p = Process.Start(info)!;
                if (!p.WaitForExit(10_000)) { p.Kill(true); return false; }
                return p.ExitCode == 0;
            }
            catch (System.ComponentModel.Win32Exception) { return false; }
        }
    }
}
