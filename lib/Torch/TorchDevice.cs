using System.Runtime.InteropServices;
using TorchSharp;
using static TorchSharp.torch;

namespace DlCourse.Torch;

/// <summary>
/// Where tensors live: CUDA when libtorch sees a GPU, else CPU (override with <c>DLCOURSE_DEVICE=cpu|cuda</c>).
/// Every Torch entry point calls <see cref="EnsureAvailable"/> first so that a missing libtorch gives one clear message.
/// </summary>
public static class TorchDevice
{
    public const string EnvironmentVariable = "DLCOURSE_DEVICE";

    private static readonly Lazy<Device> best = new(ChooseBest);
    private static bool loaded;

    /// <summary>The device the course trains on: the environment override, else CUDA if available, else CPU.</summary>
    public static Device Best => best.Value;

    /// <summary>Loads native libtorch once, or throws <see cref="TorchUnavailableException"/> saying what to install.</summary>
    public static void EnsureAvailable()
    {
        if (loaded) return;
        try
        {
            // Asking for CUDA first lets TorchSharp load the CUDA backend where the CUDA package is referenced;
            // with the CPU package it simply answers false once libtorch itself loads.
            _ = cuda.is_available();
            using var probe = zeros(1);
            loaded = true;
        }
        catch (Exception e) when (e is NotSupportedException or DllNotFoundException or EntryPointNotFoundException or TypeInitializationException)
        {
            throw new TorchUnavailableException(Explain(e), e);
        }
    }

    /// <summary>Parses "cpu", "cuda" or "cuda:N"; CUDA without a visible GPU is an error that says so.</summary>
    public static Device Parse(string name)
    {
        EnsureAvailable();
        var text = name.Trim().ToLowerInvariant();
        if (text == "cpu") return CPU;
        if (text.StartsWith("cuda"))
        {
            if (!cuda.is_available())
                throw new ArgumentException($"Device '{name}' was asked for, but libtorch sees no CUDA GPU. Build with -p:TorchBackend=cuda on a GPU machine (docs/torch.md), or use 'cpu'.");
            return new Device(text);
        }
        throw new ArgumentException($"Unknown device '{name}': use 'cpu', 'cuda' or 'cuda:N'.");
    }

    /// <summary>One line saying which device runs and on what, e.g. "cpu (libtorch 1.13.0.1, 1 thread)".</summary>
    public static string Describe(Device? device = null)
    {
        device ??= Best;
        return device.type == DeviceType.CUDA
            ? $"cuda:{Math.Max(device.index, 0)} ({cuda.device_count()} GPU(s), libtorch {__version__})"
            : $"cpu (libtorch {__version__}, {get_num_threads()} thread{(get_num_threads() == 1 ? "" : "s")}, {Environment.ProcessorCount} core{(Environment.ProcessorCount == 1 ? "" : "s")})";
    }

    /// <summary>Seeds libtorch's generators (CPU and CUDA) so that weight initialisation and dropout repeat.</summary>
    public static void Seed(long seed)
    {
        EnsureAvailable();
        manual_seed(seed);
        if (cuda.is_available()) cuda.manual_seed_all(seed);
    }

    private static Device ChooseBest()
    {
        EnsureAvailable();
        var requested = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(requested)) return Parse(requested);
        return cuda.is_available() ? CUDA : CPU;
    }

    /// <summary>
    /// Loads libtorch now when TorchSharp was restored from NuGet (a student pack): its P/Invokes find the native side only
    /// after TorchSharp's own loader has run, so a cell's first <c>nn.Conv2d</c> would fail. Returns a line to show, or null.
    /// </summary>
    public static string? Preload()
    {
        var folder = Path.GetDirectoryName(typeof(torch).Assembly.Location) ?? "";
        if (folder == Path.GetDirectoryName(typeof(TorchDevice).Assembly.Location)) return null; // the course's own build: natives beside it
        try { EnsureAvailable(); return null; }
        catch (TorchUnavailableException e) { return $"TorchSharp is not available on this machine, so the deep-network notebooks cannot run: {e.Message}"; }
    }

    /// <summary>The message for a libtorch that did not load, with what to do on this machine.</summary>
    public static string Explain(Exception cause)
    {
        var said = $" TorchSharp said: {cause.GetType().Name}: {FirstLine(cause.Message)}";
        var folder = Path.GetDirectoryName(typeof(torch).Assembly.Location) ?? "";
        if (typeof(torch).Assembly.GetName().Version is { Major: 0, Minor: >= 100 })
        {
            // The registry's TorchSharp bundles libtorch 2.x, built with GCC 13.
            if (OperatingSystem.IsLinux() && !LibStdCxxHas("GLIBCXX_3.4.32"))
                return "TorchSharp's libtorch 2.x needs GLIBCXX_3.4.32 (the C++ library of GCC 13 or newer), which this Linux does not have" +
                       " (Debian 12 and Ubuntu 22.04 are too old). Use Ubuntu 24.04, Debian 13 or newer, WSL with Ubuntu 24.04 on Windows, or a container of one." + said;
            return "TorchSharp could not load its native libtorch. Run the notebook's first cell again with a connection to the NuGet registry" +
                   " so that the `#r \"nuget: TorchSharp-…\"` line of the course.csx it imports restores libtorch for this machine (a GPU build needs the matching CUDA driver)." + said;
        }
        var shim = new[] { Path.Combine(folder, "runtimes", "linux-x64", "native", "libLibTorchSharp.so"), Path.Combine(folder, "libLibTorchSharp.so") };
        if (OperatingSystem.IsLinux() && folder.Length > 0 && !shim.Any(File.Exists))
            return $"TorchSharp's native shim libLibTorchSharp.so is not next to {Path.Combine(folder, "TorchSharp.dll")} (nor in runtimes/linux-x64/native/):" +
                   " build the project again (`dotnet build`) so that the TorchSharp package's native files are copied." + said;
        var missing = new[] { "libc10.so.1.13", "libtorch_cpu.so.1.13", "libtorch.so.1.13" }
            .Where(lib => !NativeLibrary.TryLoad(lib, out _)).ToList();
        var detail = missing.Count > 0 ? $" Not found: {string.Join(", ", missing)}." : "";
        var install = File.Exists("/etc/debian_version")
            ? " Install it with `sudo apt-get install -y libtorch1.13 libopenblas0-pthread` (or run environment/setup.sh)."
            : " This build of the course uses Debian 12's libtorch 1.13; elsewhere build with -p:TorchSharpVersion=0.107.0 (docs/torch.md).";
        return "TorchSharp could not load its native libtorch." + detail + install +
               " On a CUDA machine build with -p:TorchBackend=cuda instead (docs/torch.md)." + said;
    }

    // Whether the process's C++ runtime (libstdc++.so.6) defines the symbol version, read from the library file itself.
    private static bool LibStdCxxHas(string version)
    {
        var candidates = new[] { "/usr/lib/x86_64-linux-gnu/libstdc++.so.6", "/usr/lib/aarch64-linux-gnu/libstdc++.so.6", "/usr/lib64/libstdc++.so.6", "/usr/lib/libstdc++.so.6" };
        if (candidates.FirstOrDefault(File.Exists) is not { } library) return true; // unknown: do not blame it
        var needle = System.Text.Encoding.ASCII.GetBytes(version + "\0");
        return File.ReadAllBytes(library).AsSpan().IndexOf(needle) >= 0;
    }

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();
}
