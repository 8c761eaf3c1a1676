using System.Runtime.InteropServices;

namespace DlCourse.Tests.Support;

/// <summary>
/// A student's laptop, stood in by a Debian 13 root with only what .NET needs (made once by mmdebstrap and cached), entered
/// with bubblewrap as an ordinary user: the .NET SDK and this machine's certificate store bound read-only, an empty
/// home, and this machine's network, through which only the package registry answers.
/// </summary>
public sealed class StudentMachine : IDisposable
{
    public const string HomeInside = "/home/student";
    private const string DotnetInside = "/usr/share/dotnet";
    private const string ReplInside = "/opt/dotnet-repl";
    private static readonly string[] Packages = ["ca-certificates", "libicu76", "libssl3t64", "zlib1g", "tzdata", "unzip"];
    private static readonly Lazy<string> CachedRoot = new(MakeRoot);

    public StudentMachine()
    {
        Root = CachedRoot.Value;
        Home = Directory.CreateTempSubdirectory("dlcourse-student-home-").FullName;
    }

    /// <summary>The root's folder on this machine: <c>DLCOURSE_STUDENT_ROOT</c>, else a cache beside the NuGet cache.</summary>
    public static string RootFolder => Environment.GetEnvironmentVariable("DLCOURSE_STUDENT_ROOT") is { Length: > 0 } root ? root
        : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "dlcourse-tests", "trixie-root");

    public string Root { get; }

    /// <summary>The student's home, seen from this machine.</summary>
    public string Home { get; }

    /// <summary>dotnet-repl as a student installs it, at the version the tool manifest pins.</summary>
    public static string ReplCommand => $"dotnet {ReplInside}/tools/net10.0/any/dotnet-repl.dll";

    /// <summary>Runs a shell command in the student's home (or <paramref name="folder"/> under it); returns the exit code and output.</summary>
    /// <param name="asAdministrator">As root over a throw-away writable copy of the system (apt-get works; nothing is kept), as an image is built.</param>
    public (int ExitCode, string Output) Run(string command, IReadOnlyDictionary<string, string>? environment = null, string folder = "",
        bool asAdministrator = false, TimeSpan? timeout = null)
    {
        var dotnet = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        var user = asAdministrator ? "0" : "1000";
        var scratch = asAdministrator ? Path.Combine(Home + ".system") : null; // this bubblewrap has no overlays: a copy, removed after
        if (scratch is not null)
        {
            var (copied, log) = Repository.Run("cp", ["-a", Root, scratch]);
            if (copied != 0) throw new InvalidOperationException($"could not copy the root: {log}");
            // Root here is root of a user namespace with one uid: apt cannot drop to its _apt user, so it stays root.
            File.WriteAllText(Path.Combine(scratch, "etc", "apt", "apt.conf.d", "99dlcourse-one-uid"), "APT::Sandbox::User \"root\";\n");
        }
        var args = new List<string> { "--unshare-user", "--uid", user, "--gid", user, "--die-with-parent" };
        args.AddRange(scratch is not null ? ["--bind", scratch, "/"] : ["--ro-bind", Root, "/"]);
        args.AddRange(
        [
            "--ro-bind", dotnet, DotnetInside, "--ro-bind", "/etc/ssl/certs", "/etc/ssl/certs",
            "--ro-bind", "/etc/resolv.conf", "/etc/resolv.conf", "--ro-bind", "/etc/hosts", "/etc/hosts",
            "--ro-bind", Repository.DotnetReplPackage, ReplInside, "--bind", Home, HomeInside,
            "--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp", "--tmpfs", "/var/tmp", "--clearenv",
        ]);
        var env = new Dictionary<string, string>
        {
            ["HOME"] = HomeInside, ["PATH"] = $"{DotnetInside}:/usr/local/bin:/usr/bin:/usr/sbin:/bin:/sbin", ["DOTNET_ROOT"] = DotnetInside, ["LANG"] = "C.UTF-8",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1", ["DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DLCOURSE_PROFILE"] = "fast", ["NO_COLOR"] = "1",
        };
        // As on this machine: its registry's certificates are checked offline (the NuGet client's default asks the internet).
        if (Environment.GetEnvironmentVariable("NUGET_CERT_REVOCATION_MODE") is { Length: > 0 } mode) env["NUGET_CERT_REVOCATION_MODE"] = mode;
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) env[key] = value;
        foreach (var (key, value) in env) args.AddRange(["--setenv", key, value]);
        args.AddRange(["--chdir", Path.Combine(HomeInside, folder), "/bin/bash", "-c", command]);
        try { return Repository.Run("bwrap", args, null, timeout: timeout); }
        finally { if (scratch is not null) Directory.Delete(scratch, recursive: true); }
    }

    /// <summary>Unzips a pack into the home, as a student does; returns the folder it made, seen from inside.</summary>
    public string Unpack(string zip)
    {
        // As unzip does: the zip's permission bits come along (./self-check must stay executable).
        System.IO.Compression.ZipFile.ExtractToDirectory(zip, Home, overwriteFiles: true);
        return Path.GetFileNameWithoutExtension(zip);
    }

    public void Dispose()
    {
        try { Directory.Delete(Home, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    // mmdebstrap into a folder beside the cache, then renamed: a root that exists is whole.
    private static string MakeRoot()
    {
        var root = RootFolder;
        if (File.Exists(Path.Combine(root, "etc", "debian_version"))) return root;
        var partial = root + ".partial";
        if (Directory.Exists(partial)) Directory.Delete(partial, recursive: true);
        Directory.CreateDirectory(Path.GetDirectoryName(root)!);
        var (exit, log) = Repository.Run("mmdebstrap", ["--variant=apt", "--quiet", $"--include={string.Join(',', Packages)}", "trixie", partial], null);
        if (exit != 0) throw new InvalidOperationException($"mmdebstrap could not make the Debian 13 root ({exit}): {log[^Math.Min(3000, log.Length)..]}");
        // Mount points for what bubblewrap binds over a read-only root.
        foreach (var dir in new[] { DotnetInside, ReplInside, HomeInside }) Directory.CreateDirectory(partial + dir);
        foreach (var file in new[] { "/etc/resolv.conf", "/etc/hosts" })
            if (!File.Exists(partial + file)) File.WriteAllText(partial + file, "");
        Directory.Move(partial, root);
        return root;
    }
}
