using System.Diagnostics;
using DlCourse.Cli.Grading;
using DlCourse.Cli.Notebooks;
using DlCourse.Cli.Running;
using DlCourse.Tests.Support;

namespace DlCourse.Tests.Grading;

/// <summary>What a grading worker can see and use, checked from inside the sandbox with a shell in the worker's place.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public class SandboxTests
{
    internal static (int Code, string Output) RunInside(Sandbox sandbox, string workingDirectory, string script)
    {
        var info = new ProcessStartInfo(sandbox.CommandPrefix.Count > 0 ? sandbox.CommandPrefix[0] : "/bin/sh")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory,
        };
        foreach (var arg in sandbox.CommandPrefix.Skip(1)) info.ArgumentList.Add(arg);
        foreach (var arg in (string[])(sandbox.CommandPrefix.Count > 0 ? ["/bin/sh", "-c", script] : ["-c", script])) info.ArgumentList.Add(arg);
        // As the runner starts a grading worker: the sandbox's environment and nothing of the grader's.
        info.Environment.Clear();
        foreach (var (key, value) in sandbox.Environment) info.Environment[key] = value;
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "the sandboxed shell did not finish");
        return (process.ExitCode, output.Result + errors.Result);
    }

    /// <summary>A course's loader, source notebook and another student's file, in a new folder under <paramref name="under"/>:
    /// by default beside the checkout, wherever that lives (under <c>/tmp</c> the worker sees it at <see cref="Sandbox.WorkerPath"/>).</summary>
    internal static (string Work, string Loader) Course(string? under = null)
    {
        var root = Path.Combine(under ?? Path.Combine(Repository.Root, "artifacts", "sandbox-tests"), Guid.NewGuid().ToString("N")[..8]);
        var work = Path.Combine(root, "source", "a1-topic");
        Directory.CreateDirectory(work);
        var loader = Path.Combine(root, "source", "course.csx");
        File.WriteAllText(loader, "// the loader");
        File.WriteAllText(Path.Combine(work, "q1-source.ipynb"), "SOURCE NOTEBOOK WITH HIDDEN TESTS");
        File.WriteAllText(Path.Combine(root, "another-student.ipynb"), "ANOTHER STUDENT");
        foreach (var path in new[] { root, Path.GetDirectoryName(root)! })
            File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        return (work, loader);
    }

    [Fact]
    public void This_machine_gives_workers_a_private_root_a_uid_of_their_own_and_a_control_group()
    {
        // setup.sh installs bubblewrap and the grader runs as root here, as on Gradescope: anything less is a regression.
        var (work, loader) = Course();
        using var sandbox = Sandbox.Create(new SandboxOptions(TimeSpan.FromSeconds(30), Readable: [loader]), slot: 7, work);
        Assert.DoesNotContain(sandbox.Notes, n => n.Contains("no private root") || n.Contains("unprivileged user"));
        Assert.True(sandbox.Group is not null, string.Join("\n", sandbox.Notes));
        Assert.Null(sandbox.HostHome);
    }

    [Fact]
    public void Two_grading_runs_on_one_host_never_share_a_worker_uid()
    {
        // Each run numbers its slots from 0; the uid is leased per worker, so the second run's slot 0 gets another one.
        var (work, loader) = Course();
        var options = new SandboxOptions(TimeSpan.FromSeconds(30), Readable: [loader]);
        using var first = Sandbox.Create(options, slot: 0, work);
        using var second = Sandbox.Create(options, slot: 0, work);
        Assert.True(first.Uid >= SandboxUid.First, string.Join("\n", first.Notes));
        Assert.NotEqual(first.Uid, second.Uid);
        second.Dispose();
        using var third = Sandbox.Create(options, slot: 0, work);
        Assert.NotEqual(first.Uid, third.Uid); // still held by the first
        Assert.Contains(first.Uid.ToString(), first.CommandPrefix.Last(p => p.Contains("setpriv")));
    }

    [Fact]
    public void A_uid_is_leased_to_one_process_at_a_time()
    {
        // Another grading run is another process; flock(1) takes a uid's lock as a second dlcourse's lease would.
        int uid;
        using (var mine = SandboxUid.Lease(slot: 900))
        {
            Assert.NotNull(mine);
            uid = mine.Uid;
            using var probe = Process.Start("flock", ["--nonblock", "--conflict-exit-code", "7", SandboxUid.LockFile(uid), "true"]);
            probe.WaitForExit();
            Assert.Equal(7, probe.ExitCode); // held by this process
        }
        var info = new ProcessStartInfo("flock", ["--nonblock", SandboxUid.LockFile(uid), "sh", "-c", "echo held; exec sleep 60"]) { RedirectStandardOutput = true };
        using var other = Process.Start(info)!;
        try
        {
            Assert.Equal("held", other.StandardOutput.ReadLine());
            using var next = SandboxUid.Lease(slot: 900);
            Assert.NotNull(next);
            Assert.NotEqual(uid, next.Uid); // held by the other process
        }
        finally
        {
            other.Kill(entireProcessTree: true);
            other.WaitForExit();
        }
    }

    [Fact]
    public void The_worker_sees_its_loader_the_tool_and_empty_private_tmpfs_and_nothing_else_of_this_machine()
    {
        var (work, loader) = Course();
        using var sandbox = Sandbox.Create(new SandboxOptions(TimeSpan.FromSeconds(30), TmpMb: 32, Readable: [loader]), slot: 7, work);
        var tool = Path.GetDirectoryName(typeof(Sandbox).Assembly.Location)!;
        // Where the worker would see them: the checkout's own paths, or under /run/dlcourse for a checkout in /tmp.
        string Seen(string path) => sandbox.WorkerPath(path);
        var (_, output) = RunInside(sandbox, work, $"""
            echo "uid=$(id -u)"
            echo "loader=$(cat ../course.csx)"
            echo "folder=[$(ls -A .)]"
            cat q1-source.ipynb ../../another-student.ipynb '{Seen(Repository.Root)}/README.md' 2>&1 | head -3
            ls '{Seen(Path.Combine(Repository.Root, ".git"))}' '{Seen(Repository.Notebooks)}' /root 2>&1 | head -3
            test -f '{Seen(Path.Combine(tool, "dlcourse.dll"))}' && echo "tool=visible"
            for d in /tmp /var/tmp /dev/shm; do echo "$d=[$(ls -A $d)] $(df -k --output=fstype,size $d | tail -1 | tr -s ' ')"; done
            echo x > ../course.csx 2>/dev/null || echo "loader=read-only"
            env | cut -d= -f1 | sort | tr '\n' ' '
            """);

        Assert.Contains("uid=62007", output);
        Assert.Contains("loader=// the loader", output);
        Assert.Contains("folder=[]", output);
        Assert.DoesNotContain("HIDDEN TESTS", output);
        Assert.DoesNotContain("ANOTHER STUDENT", output);
        Assert.DoesNotContain("Quick start", output);
        Assert.True(6 == output.Split('\n').Count(l => l.Contains("No such file or directory")), output);
        Assert.Contains("tool=visible", output);
        Assert.Contains("/tmp=[] tmpfs 32768", output);
        Assert.Contains("/var/tmp=[] tmpfs", output);
        Assert.Contains("/dev/shm=[] tmpfs", output);
        Assert.Contains("loader=read-only", output);
        var variables = output.Split('\n')[^1].Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet();
        var allowed = new HashSet<string>(sandbox.Environment.Keys) { "PWD", "SHLVL", "_", "OLDPWD" };
        Assert.True(variables.IsSubsetOf(allowed), $"the worker sees {string.Join(", ", variables.Except(allowed))} from the grader");
    }

    [Theory]
    [InlineData("/tmp")]
    [InlineData("/var/tmp")]
    [InlineData("/dev/shm")]
    public void A_course_under_a_private_tmpfs_is_shown_under_run_dlcourse_and_the_private_tmpfs_stay_empty(string folder)
    {
        // As a checkout or an autograder unpacked in /tmp (docs/grading.md tries one in /tmp/ag).
        var (work, loader) = Course(Path.Combine(folder, "dlcourse-sandbox-tests"));
        var root = Path.GetDirectoryName(Path.GetDirectoryName(work))!;
        try
        {
            using var sandbox = Sandbox.Create(new SandboxOptions(TimeSpan.FromSeconds(30), Readable: [loader]), slot: 8, work);
            Assert.Equal(Sandbox.Relocated + work, sandbox.WorkerPath(work));
            Assert.Equal(Sandbox.Relocated + loader, sandbox.WorkerPath(loader));
            var checkoutInPrivate = Sandbox.PrivateFolders.Any(f => Repository.Root.StartsWith(f + "/", StringComparison.Ordinal));
            Assert.Equal(checkoutInPrivate ? Sandbox.Relocated + Repository.Root : Repository.Root, sandbox.WorkerPath(Repository.Root));
            var (_, output) = RunInside(sandbox, work, $"""
                echo "pwd=$(pwd)"
                echo "loader=$(cat ../course.csx)"
                echo "folder=[$(ls -A .)]"
                cat '{sandbox.WorkerPath(Path.Combine(work, "q1-source.ipynb"))}' '{Path.Combine(work, "q1-source.ipynb")}' '{loader}' 2>&1 | head -3
                for d in /tmp /var/tmp /dev/shm; do echo "$d=[$(ls -A $d)]"; done
                touch '{Sandbox.Relocated}/x' 2>/dev/null || echo "relocated=read-only"
                """);

            Assert.Contains($"pwd={sandbox.WorkerPath(work)}\n", output);
            Assert.Contains("loader=// the loader", output);
            Assert.Contains("folder=[]", output);
            Assert.DoesNotContain("HIDDEN TESTS", output);
            Assert.True(3 == output.Split('\n').Count(l => l.Contains("No such file or directory")), output);
            foreach (var d in Sandbox.PrivateFolders) Assert.Contains($"{d}=[]", output);
            Assert.Contains("relocated=read-only", output);
        }
        finally { Directory.Delete(root, recursive: true); }
    }

    [Fact]
    public async Task A_worker_in_a_course_under_tmp_loads_its_loader_and_the_assemblies_the_loader_references_relative_to_itself()
    {
        var root = Path.Combine("/tmp", "dlcourse-sandbox-tests", Guid.NewGuid().ToString("N")[..8]);
        var work = Path.Combine(root, "notebooks", "a1-topic");
        var lib = Path.Combine(root, "artifacts", "lib");
        Directory.CreateDirectory(work);
        Directory.CreateDirectory(lib);
        try
        {
            // Any small assembly the kernel does not load itself, #r'd as course.csx #r's the course library.
            var assembly = typeof(Assert).Assembly.Location;
            File.Copy(assembly, Path.Combine(lib, Path.GetFileName(assembly)));
            File.WriteAllText(Path.Combine(root, "notebooks", "course.csx"),
                $"#r \"../../artifacts/lib/{Path.GetFileName(assembly)}\"\nstatic string Where() => typeof(Xunit.Assert).Assembly.Location;\n");
            var notebook = TestNotebook.Create("#!import \"../course.csx\"",
                $"Console.WriteLine($\"at {{Where()}} in {{Environment.CurrentDirectory}}; host folder seen: {{System.IO.Directory.Exists(\"{root}\")}}\");");
            using var sandbox = Sandbox.Create(new SandboxOptions(TimeSpan.FromSeconds(60), Readable: WorkerFiles.For(notebook, work)), slot: 9, work);

            var run = await NotebookRunner.RunAsync(notebook, sourcePath: null, sandbox.RunOptions(work));

            var text = TestNotebook.OutputText(run.Executed.Cells[1]);
            Assert.True(run.Cells.All(c => c.Status == CellStatus.Succeeded), text + TestNotebook.OutputText(run.Executed.Cells[0]));
            Assert.Contains($"at {sandbox.WorkerPath(Path.Combine(lib, Path.GetFileName(assembly)))} in {sandbox.WorkerPath(work)}; host folder seen: False", text);
            Assert.StartsWith(Sandbox.Relocated, sandbox.WorkerPath(work));
        }
        finally { Directory.Delete(root, recursive: true); }
    }

    [Fact]
    public void Memory_written_to_tmpfs_counts_against_the_control_group_and_processes_are_capped()
    {
        var (work, loader) = Course();
        // 64 + 64 MB in all; a 256 MB /tmp would hold 200 MB if only rlimits applied (tmpfs pages are not the writer's data segment).
        using var sandbox = Sandbox.Create(new SandboxOptions(TimeSpan.FromSeconds(30), MemoryMb: 64, NativeMemoryMb: 64, MaxProcesses: 40,
            TmpMb: 256, Readable: [loader]), slot: 6, work);
        Assert.NotNull(sandbox.Group);
        var (_, output) = RunInside(sandbox, work, """
            (dd if=/dev/zero of=/tmp/fill bs=1M count=200 2>/dev/null; echo "dd=$?")
            echo "written=$(du -m /tmp/fill | cut -f1)"
            rm -f /tmp/fill
            (for i in $(seq 100); do sleep 3 & echo $i > /tmp/started; done) 2>/dev/null
            read started < /tmp/started; echo "processes=$started"
            """);

        Assert.False(output.Contains("dd=0"), output);
        var written = int.Parse(output.Split('\n').Single(l => l.StartsWith("written=", StringComparison.Ordinal))["written=".Length..]);
        Assert.InRange(written, 0, 128);
        var processes = int.Parse(output.Split('\n').Single(l => l.StartsWith("processes=", StringComparison.Ordinal))["processes=".Length..]);
        Assert.InRange(processes, 1, 39); // the shell and its subshell count too
    }

    [Fact]
    public void A_workers_files_are_the_source_notebooks_loaders_and_the_folders_of_what_they_reference()
    {
        var notebook = Path.Combine(Repository.Notebooks, "a1-loss-functions", "q1-cross-entropy-vs-mse.ipynb");
        var files = WorkerFiles.For(Notebook.Load(notebook), Path.GetDirectoryName(notebook)!);
        Assert.Equal([Path.Combine(Repository.Root, "artifacts", "lib"), Path.Combine(Repository.Notebooks, "course.csx")], files);
    }
}

/// <summary>Runs alone, after the parallel tests: it sets a variable of this process that every sandbox made meanwhile would pass on.</summary>
[CollectionDefinition("Course variables", DisableParallelization = true)]
public class CourseVariablesCollection;

[Collection("Course variables")]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public class SandboxDataTests
{
    [Fact]
    public void The_worker_reads_the_Fashion_MNIST_folder_that_DLCOURSE_FASHION_MNIST_names()
    {
        // As run_autograder sets it: setup.sh's copy beside the autograder's sources, which the worker sees nothing else of.
        var (work, loader) = SandboxTests.Course();
        var data = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(work))!, "data", "fashion-mnist");
        Directory.CreateDirectory(data);
        File.WriteAllText(Path.Combine(data, "t10k-labels-idx1-ubyte.gz"), "LABELS");
        var before = Environment.GetEnvironmentVariable("DLCOURSE_FASHION_MNIST");
        try
        {
            Environment.SetEnvironmentVariable("DLCOURSE_FASHION_MNIST", data);
            using var sandbox = Sandbox.Create(new SandboxOptions(TimeSpan.FromSeconds(30), Readable: [loader]), slot: 5, work);
            var (_, output) = SandboxTests.RunInside(sandbox, work, """
                echo "uid=$(id -u)"
                echo "data=$DLCOURSE_FASHION_MNIST"
                cat "$DLCOURSE_FASHION_MNIST/t10k-labels-idx1-ubyte.gz"
                """);

            Assert.Contains("uid=62005", output);
            Assert.Contains($"data={sandbox.WorkerPath(data)}", output);
            Assert.Contains("LABELS", output);
        }
        finally { Environment.SetEnvironmentVariable("DLCOURSE_FASHION_MNIST", before); }
    }
}
