using System.Diagnostics;

namespace DlCourse.Cli.Grading;

/// <summary>What this system lets the grader do to confine a worker, probed once by trying each measure; with notes on what is missing.</summary>
internal sealed record SandboxCapabilities(bool PrivateRoot, bool Namespaces, bool UserNetworkNamespace, bool CanSwitchUser, bool Prlimit,
    IReadOnlyList<string> Notes)
{
    public static SandboxCapabilities Probe()
    {
        var notes = new List<string>();
        if (!OperatingSystem.IsLinux())
            return new(false, false, false, false, false, ["not on Linux: student code runs without network, user or memory isolation, only with the per-cell timeout"]);
        bool root = Environment.UserName == "root" || Succeeds("/bin/sh", "-c", "[ \"$(id -u)\" = 0 ]");
        bool privateRoot = Succeeds("bwrap", "--unshare-pid", "--unshare-net", "--die-with-parent", "--ro-bind", "/", "/", "--proc", "/proc",
            "--dev", "/dev", "--tmpfs", "/tmp", "--", "/bin/true");
        bool ns = !privateRoot && root && Succeeds("unshare", "--net", "--pid", "--fork", "--kill-child", "--mount", "--mount-proc", "--", "true");
        bool userNet = !privateRoot && !ns && Succeeds("unshare", "--map-root-user", "--net", "--", "true");
        bool setpriv = root && Succeeds("setpriv", "--reuid=62000", "--regid=62000", "--clear-groups", "--", "true");
        bool prlimit = Succeeds("prlimit", "--nproc=4096", "--", "true");
        if (!privateRoot)
            notes.Add("no private root (bubblewrap is missing or not allowed): the worker sees this machine's files except the source, submissions and results, and shares its /tmp");
        if (!privateRoot && !ns && !userNet) notes.Add("no network namespace available: student code may reach the network");
        else if (!privateRoot && !ns) notes.Add("no PID or mount namespace (not root): processes started by student code may outlive the worker, and the source notebooks are readable to it");
        if (!setpriv) notes.Add("cannot switch to an unprivileged user (not root or no setpriv): student code runs as the grader's user");
        if (!prlimit) notes.Add("prlimit is missing: no process-count or native-memory rlimit (the managed-heap limit still applies)");
        return new(privateRoot, ns, userNet, setpriv, prlimit, notes);
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
