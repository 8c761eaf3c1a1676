using System.Globalization;
using System.IO.Compression;
using DlCourse.Cli.Grading.Late;
using DlCourse.Cli.Grading.Results;
using DlCourse.Cli.Notebooks;

namespace DlCourse.Cli.Grading;

/// <summary>The late policy's files for the autograder: the course file, and optionally extensions and the times of earlier assignments.</summary>
public sealed record GradescopeLateFiles(string Course, string? Extensions = null, string? Submitted = null);

/// <summary>
/// Builds a Gradescope autograder zip: the course's library and tool sources, the source notebooks at their
/// repository paths, setup.sh (installs .NET, libtorch and Fashion-MNIST, builds) and run_autograder (runs <c>dlcourse grade</c>),
/// and the late policy's files in <c>course-policy/</c> when given.
/// </summary>
internal static class GradescopePackager
{
    // What is needed to build the tool and the library on Gradescope; bin/obj and notebooks elsewhere stay out.
    private static readonly string[] BuildFiles = ["DlCourse.Lib.csproj", "Directory.Build.props", "Directory.Packages.props", "global.json"];
    private static readonly string[] BuildFolders = ["lib", "tools/DlCourse.Cli"];

    /// <summary>Where the late policy's files travel in the zip; run_autograder passes them to grade with Gradescope's submission_metadata.json.</summary>
    public const string PolicyFolder = "course-policy";

    public static IReadOnlyList<string> Build(string source, string zipPath, double cellTimeoutSeconds, int memoryMb, string? repo = null,
        WrittenGrading written = WrittenGrading.Manual, GradescopeLateFiles? late = null)
    {
        source = Path.GetFullPath(source);
        repo = Path.GetFullPath(repo ?? FindRepo(source)
            ?? throw new DirectoryNotFoundException($"{source} is not inside the course repository (no DlCourse.Lib.csproj above it); pass --repo."));
        if (!Paths.IsInside(source, repo)) throw new ArgumentException($"--source {source} must be inside --repo {repo}.");
        var notebooks = NotebookPaths.Expand([source]).ToList();
        foreach (var (path, relative) in notebooks) Releaser.Release(Notebook.Load(path), relative); // fail early on malformed markers
        if (late is not null) CheckLateFiles(late, notebooks.Select(n => AssignmentScore.AssignmentOf(n.Source)).ToHashSet()); // and on malformed policy files

        var entries = new SortedDictionary<string, string>(StringComparer.Ordinal); // zip path -> file
        foreach (var f in BuildFiles.Select(f => Path.Combine(repo, f)).Where(File.Exists)) entries[Rel(repo, f)] = f;
        foreach (var folder in BuildFolders.Select(f => Path.Combine(repo, f)).Where(Directory.Exists))
            foreach (var f in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
                if (!Rel(repo, f).Split('/').Any(p => p is "bin" or "obj" || p.StartsWith('.'))) entries[Rel(repo, f)] = f;
        foreach (var (path, _) in notebooks) entries[Rel(repo, path)] = Path.GetFullPath(path);
        // Support files: everything beside the notebooks (small data files), and the .csx loaders above them (course.csx).
        foreach (var f in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
            if (!f.EndsWith(".ipynb", StringComparison.Ordinal) && !Rel(source, f).Split('/').Any(p => p is "bin" or "obj" || p.StartsWith('.')))
                entries[Rel(repo, f)] = f;
        for (var dir = Path.GetDirectoryName(source)!; Paths.IsInside(dir, repo) && dir != repo; dir = Path.GetDirectoryName(dir)!)
            foreach (var f in Directory.EnumerateFiles(dir, "*.csx")) entries[Rel(repo, f)] = f;

        if (late is not null)
            foreach (var (name, file) in new[] { ("course.json", late.Course), ("extensions.csv", late.Extensions), ("submitted.csv", late.Submitted) })
                if (file is not null) entries[$"{PolicyFolder}/{name}"] = Path.GetFullPath(file);

        var sourceInZip = Rel(repo, source);
        AtomicFile.Write(zipPath, stream =>
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
            AddText(zip, "setup.sh", SetupScript);
            AddText(zip, "run_autograder", RunScript(sourceInZip, cellTimeoutSeconds, memoryMb, written));
            foreach (var (name, file) in entries) zip.CreateEntryFromFile(file, name, CompressionLevel.Optimal);
        });
        return ["setup.sh", "run_autograder", .. entries.Keys];
    }

    // The autograder would fail on every submission with a file grade refuses: refuse it here, when it can still be fixed.
    private static void CheckLateFiles(GradescopeLateFiles late, IReadOnlySet<string> graded)
    {
        var course = CourseFile.Load(late.Course);
        if (late.Extensions is { } extensions) Extensions.Load(extensions, course);
        if (late.Submitted is { } submitted)
        {
            if (submitted.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
                throw new InvalidDataException("--submitted: Gradescope writes submission_metadata.json itself; give the earlier assignments' times as CSV (student,assignment,submitted_at).");
            SubmissionTimes.Load([submitted], course);
        }
        new LateRules(course, Extensions.None, SubmissionTimes.Load([], course)).CheckRun(graded, students: 1);
    }

    private static void AddText(ZipArchive zip, string name, string text)
    {
        var entry = zip.CreateEntry(name);
        entry.ExternalAttributes = (int)(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute) << 16;
        using var writer = new StreamWriter(entry.Open());
        writer.Write(text.ReplaceLineEndings("\n"));
    }

    private static string? FindRepo(string start)
    {
        for (var dir = start; dir is not null; dir = Path.GetDirectoryName(dir))
            if (File.Exists(Path.Combine(dir, "DlCourse.Lib.csproj"))) return dir;
        return null;
    }

    private static string Rel(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');


    // Gradescope's base image is Ubuntu; setup.sh runs once, as root, with network, when the autograder is built.
    // DLCOURSE_OFFLINE=1 (tests, local dry runs) installs nothing: it uses the dotnet on PATH, the system's libtorch and
    // the machine's NuGet configuration; DLCOURSE_NUGET_FEED adds a package folder (e.g. a local TorchSharp build).
    private const string SetupScript = """
        #!/usr/bin/env bash
        # Gradescope image setup: .NET 10 SDK, TorchSharp's libtorch, Fashion-MNIST, then the course tool.
        set -euo pipefail
        src="${AUTOGRADER_ROOT:-/autograder}/source"
        offline="${DLCOURSE_OFFLINE:-}"
        export DEBIAN_FRONTEND=noninteractive
        if [ -z "$offline" ]; then
          apt-get update -qq
          # tzdata: the course file's time_zone (an IANA name) is read from /usr/share/zoneinfo.
          apt-get install -y -qq --no-install-recommends ca-certificates curl unzip util-linux bubblewrap libgomp1 libicu-dev tzdata >/dev/null
        fi

        if [ -z "$offline" ] && { ! command -v dotnet >/dev/null || ! dotnet --list-sdks | grep -q '^10\.'; }; then
          curl -sSL https://dot.net/v1/dotnet-install.sh -o /tmp/dotnet-install.sh
          bash /tmp/dotnet-install.sh --channel 10.0 --install-dir /usr/share/dotnet
          ln -sf /usr/share/dotnet/dotnet /usr/local/bin/dotnet
        fi

        # TorchSharp 0.107 bundles libtorch 2.10, whose shim needs GLIBCXX_3.4.32 (GCC 13, e.g. Ubuntu 24.04); older
        # images (Ubuntu 22.04 stops at GLIBCXX_3.4.30) take 0.99.6 on libtorch 1.13, as the course machines do.
        torchsharp=0.99.6
        libstdcxx="$(ldconfig -p | awk '/libstdc\+\+\.so\.6 /{print $NF; exit}')"
        if [ -n "$libstdcxx" ] && grep -aq GLIBCXX_3.4.32 "$libstdcxx"; then
          torchsharp=0.107.0
          echo "setup.sh: TorchSharp 0.107.0 with its bundled libtorch 2.10, because $libstdcxx has GLIBCXX_3.4.32"
        else
          echo "setup.sh: TorchSharp 0.99.6 on libtorch 1.13, because ${libstdcxx:-the system libstdc++} lacks GLIBCXX_3.4.32 (choose the Ubuntu 24.04 base image for 0.107.0)"
          if [ -n "$offline" ]; then
            : # libtorch 1.13 must already be installed
          elif apt-cache show libtorch1.13 >/dev/null 2>&1; then
            apt-get install -y -qq --no-install-recommends libtorch1.13 libopenblas0-pthread >/dev/null
          elif [ ! -e /opt/libtorch/lib/libtorch.so ]; then
            curl -sSL -o /tmp/libtorch.zip "https://download.pytorch.org/libtorch/cpu/libtorch-cxx11-abi-shared-with-deps-1.13.1%2Bcpu.zip"
            unzip -q /tmp/libtorch.zip -d /opt && rm /tmp/libtorch.zip
            echo /opt/libtorch/lib > /etc/ld.so.conf.d/libtorch.conf && ldconfig
          fi
        fi

        # Fashion-MNIST, which Gradescope's image lacks and the grading sandbox cannot download: run_autograder points
        # DLCOURSE_FASHION_MNIST here. The sums are the library's (FashionMnist.Files); GradescopeTests compares them.
        fashion_mnist_sums='
        cc1d090a38ace84dfa1aa66e3ada7c336ef481a96936906477e6dd344da56eaa  t10k-images-idx3-ubyte.gz
        8d3605d196f4be44669e46906da9733c8131fef761fdbfec72c424d5222f1a05  t10k-labels-idx1-ubyte.gz
        b0564c3eedabfbf835052cff8503ea422014ce006caf5b757f851416ee8300c7  train-images-idx3-ubyte.gz
        0ae29f65d86684f32d1b9c85147786c547b9c6aebcaf235f0400a0cce308b056  train-labels-idx1-ubyte.gz
        '
        if [ -z "$offline" ]; then
          mirror="${DLCOURSE_FASHION_MNIST_MIRROR:-http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/}"
          data="$src/data/fashion-mnist"
          mkdir -p "$data"
          while read -r sum file; do
            [ -n "$file" ] || continue
            if ! (cd "$data" && echo "$sum  $file" | sha256sum -c --status 2>/dev/null); then
              curl -fsSL --retry 3 -o "$data/$file" "${mirror%/}/$file"
            fi
          done <<< "$fashion_mnist_sums"
          (cd "$data" && grep . <<< "$fashion_mnist_sums" | sha256sum -c --quiet)
          # The worker reads them as an unprivileged user.
          chmod -R a+rX "$src/data"
        fi

        props=(-p:TorchSharpVersion=$torchsharp)
        if [ -n "${DLCOURSE_NUGET_FEED:-}" ]; then
          # As Directory.Build.props does for ../shared/nuget: restore from it, and let notebooks' #r "nuget:" see it.
          props+=("-p:RestoreAdditionalProjectSources=$DLCOURSE_NUGET_FEED" "-p:DlCourseLocalFeed=$DLCOURSE_NUGET_FEED")
        fi

        cd "$src"
        export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
        dotnet build DlCourse.Lib.csproj -c Release "${props[@]}"
        dotnet publish tools/DlCourse.Cli/DlCourse.Cli.csproj -c Release -o "$src/tool" "${props[@]}"
        # The worker runs student code as other users: the tool and the library must be readable, the solutions not.
        chmod -R a+rX "$src/tool" "$src/artifacts"
        """;

    private static string RunScript(string sourceInZip, double timeout, int memoryMb, WrittenGrading written) => $$"""
        #!/usr/bin/env bash
        # Grades /autograder/submission; Gradescope shows /autograder/results/results.json.
        set -uo pipefail
        root="${AUTOGRADER_ROOT:-/autograder}"
        src="$root/source"
        results="$root/results"
        mkdir -p "$results"
        # Student code runs as an unprivileged user: keep the solutions, hidden tests and results unreadable to it.
        find "$src" -name '*.ipynb' -exec chmod 600 {} +
        chmod 700 "$results"
        # setup.sh's copy: the worker has no network to download it.
        if [ -d "$src/data/fashion-mnist" ]; then export DLCOURSE_FASHION_MNIST="$src/data/fashion-mnist"; fi
        # The late policy, when the zip carries one: Gradescope's own submission time, extensions, earlier assignments' times.
        late=()
        policy="$src/{{PolicyFolder}}"
        if [ -f "$policy/course.json" ]; then
          chmod -R go-rwx "$policy" # other students' extensions and times
          late+=(--course "$policy/course.json" --submitted "$root/submission_metadata.json")
          if [ -f "$policy/submitted.csv" ]; then late+=(--submitted "$policy/submitted.csv"); fi
          if [ -f "$policy/extensions.csv" ]; then late+=(--extensions "$policy/extensions.csv"); fi
        fi
        dlcourse="${DLCOURSE:-dotnet $src/tool/dlcourse.dll}"
        $dlcourse grade --source "$src/{{sourceInZip}}" --submissions "$root/submission" --out "$results" \
          --single -j 1 --timeout {{timeout.ToString(CultureInfo.InvariantCulture)}} --memory {{memoryMb}} --written {{written.ToString().ToLowerInvariant()}} \
          ${late[@]+"${late[@]}"}
        status=$?
        if [ ! -s "$results/results.json" ]; then
          printf '{"score": 0, "output": "The autograder failed before grading (exit status %s). Please tell the course staff."}\n' "$status" > "$results/results.json"
        fi
        exit 0
        """;
}
