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
            : $"cpu (libtorch {__version__}, {get_num_threads()} thread{(get_num_threads() == 1 ? "" : "s")}, {Environment.ProcessorCount} cores)";
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

    /// <summary>The message for a libtorch that did not load: TorchSharp's own names a NuGet package that is not the cause here.</summary>
    public static string Explain(Exception cause)
    {
        var folder = Path.GetDirectoryName(typeof(torch).Assembly.Location) ?? "";
        var shim = new[] { Path.Combine(folder, "runtimes", "linux-x64", "native", "libLibTorchSharp.so"), Path.Combine(folder, "libLibTorchSharp.so") };
        if (OperatingSystem.IsLinux() && folder.Length > 0 && !shim.Any(File.Exists))
            return $"TorchSharp's native shim libLibTorchSharp.so is not next to {Path.Combine(folder, "TorchSharp.dll")} (nor in runtimes/linux-x64/native/):" +
                   " build the project again (`dotnet build`) so that the TorchSharp package's native files are copied." +
                   $" TorchSharp said: {cause.GetType().Name}: {FirstLine(cause.Message)}";
        var missing = new[] { "libc10.so.1.13", "libtorch_cpu.so.1.13", "libtorch.so.1.13" }
            .Where(lib => !NativeLibrary.TryLoad(lib, out _)).ToList();
        var detail = missing.Count > 0 ? $" Not found: {string.Join(", ", missing)}." : "";
        return "TorchSharp could not load its native libtorch." + detail +
               " Install it with `sudo apt-get install -y libtorch1.13 libopenblas0-pthread` (or run environment/setup.sh)." +
               " On a CUDA machine build with -p:TorchBackend=cuda instead (docs/torch.md)." +
               $" TorchSharp said: {cause.GetType().Name}: {FirstLine(cause.Message)}";
    }

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();
}
