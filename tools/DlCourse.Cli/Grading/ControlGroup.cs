namespace DlCourse.Cli.Grading;

/// <summary>
/// A control group of its own for one worker: memory (anonymous, shared and tmpfs pages alike) and the number of
/// processes and threads, counted for the worker and everything it starts. cgroup v2 where the grader's cgroup
/// delegates <c>memory</c> and <c>pids</c>, else the v1 hierarchies when they are writable, else none.
/// </summary>
public sealed class ControlGroup : IDisposable
{
    private readonly IReadOnlyList<string> folders;

    private ControlGroup(IReadOnlyList<string> folders) => this.folders = folders;

    /// <summary>The files a process writes its pid to, to join (with its future children).</summary>
    public IEnumerable<string> ProcsFiles => folders.Select(f => Path.Combine(f, "cgroup.procs"));

    /// <summary>A new group limited to <paramref name="memoryBytes"/> and <paramref name="maxProcesses"/>, or null (with why) when this system offers none.</summary>
    public static ControlGroup? TryCreate(string name, long memoryBytes, int maxProcesses, out string why)
    {
        why = "";
        if (!OperatingSystem.IsLinux()) { why = "not on Linux"; return null; }
        var own = Membership();
        var mounts = Mounts();
        try
        {
            if (mounts.FirstOrDefault(m => m.Type == "cgroup2") is { } v2 && own.TryGetValue("", out var path2)
                && File.ReadAllText(Path.Combine(v2.Point + path2, "cgroup.subtree_control")).Split(' ', '\n') is var delegated
                && delegated.Contains("memory") && delegated.Contains("pids"))
            {
                var folder = Path.Combine(v2.Point + path2, name);
                Directory.CreateDirectory(folder);
                var group = new ControlGroup([folder]);
                if (group.TryWrite(folder, ("memory.max", memoryBytes), ("memory.swap.max", 0), ("pids.max", maxProcesses))) return group;
                group.Dispose();
            }
            var memory = mounts.FirstOrDefault(m => m.Type == "cgroup" && m.Options.Contains("memory"));
            var pids = mounts.FirstOrDefault(m => m.Type == "cgroup" && m.Options.Contains("pids"));
            if (memory is not null && pids is not null && own.TryGetValue("memory", out var memPath) && own.TryGetValue("pids", out var pidPath)
                && Directory.Exists(memory.Point + memPath) && Directory.Exists(pids.Point + pidPath))
            {
                var memFolder = Path.Combine(memory.Point + memPath, name);
                var pidFolder = Path.Combine(pids.Point + pidPath, name);
                Directory.CreateDirectory(memFolder);
                Directory.CreateDirectory(pidFolder);
                var group = new ControlGroup([memFolder, pidFolder]);
                // memsw bounds memory plus swap; it exists only where swap accounting is on, so it is set where it can be.
                if (group.TryWrite(memFolder, ("memory.limit_in_bytes", memoryBytes)) && group.TryWrite(pidFolder, ("pids.max", maxProcesses)))
                {
                    group.TryWrite(memFolder, ("memory.memsw.limit_in_bytes", memoryBytes));
                    return group;
                }
                group.Dispose();
            }
            why = "no writable cgroup with the memory and pids controllers";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            why = $"cgroups are not writable here ({e.Message})";
        }
        return null;
    }

    private bool TryWrite(string folder, params (string File, long Value)[] settings)
    {
        try
        {
            foreach (var (file, value) in settings) File.WriteAllText(Path.Combine(folder, file), value.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return false; }
    }

    /// <summary>Removes the group; its processes are gone by then (the worker's PID namespace ends with it), so this waits briefly at most.</summary>
    public void Dispose()
    {
        foreach (var folder in folders)
            for (int attempt = 0; attempt < 20 && Directory.Exists(folder); attempt++)
            {
                try { Directory.Delete(folder); }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException) { Thread.Sleep(50); }
            }
    }

    // /proc/self/cgroup: "hierarchy-id:controllers:path"; v2's line has no controllers.
    private static Dictionary<string, string> Membership()
    {
        var result = new Dictionary<string, string>();
        foreach (var line in File.ReadAllLines("/proc/self/cgroup"))
        {
            var parts = line.Split(':', 3);
            if (parts.Length != 3) continue;
            foreach (var controller in parts[1].Split(',')) result.TryAdd(controller, parts[2].TrimEnd('/'));
        }
        return result;
    }

    private sealed record Mount(string Point, string Type, string[] Options);

    private static List<Mount> Mounts() => File.ReadAllLines("/proc/self/mounts")
        .Select(l => l.Split(' '))
        .Where(f => f.Length >= 4 && f[2] is "cgroup" or "cgroup2")
        .Select(f => new Mount(f[1], f[2], f[3].Split(',')))
        .ToList();
}
