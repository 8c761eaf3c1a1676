using System.Diagnostics;
using System.Globalization;
using DlCourse.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace DlCourse.Benchmarks;

/// <summary>
/// One LeNet-5 Adam training step (batch 64, 1×28×28) in TorchSharp against the same step in PyTorch 1.13 (Debian's
/// python3-torch, the same libtorch), with the same thread count. Rounds alternate between the two sides so that both
/// see the same load on a shared machine; the ratio of the median round times is the result.
/// </summary>
/// <remarks>Two processes are timed against each other, so this is a plain comparison program, not a BenchmarkDotNet class.</remarks>
public static class LeNetStep
{
    public static void Run(string[] args)
    {
        var device = Option(args, "--device") ?? "cpu";
        var threads = int.Parse(Option(args, "--threads") ?? "1", CultureInfo.InvariantCulture);
        var rounds = int.Parse(Option(args, "--rounds") ?? "15", CultureInfo.InvariantCulture);
        var steps = int.Parse(Option(args, "--steps") ?? "50", CultureInfo.InvariantCulture);
        var python = Option(args, "--python") ?? "/usr/bin/python3";
        var script = Option(args, "--script") ?? FindScript();
        const int batch = 64;

        var target = TorchDevice.Parse(device);
        set_num_threads(threads);
        TorchDevice.Seed(0);
        var model = new LeNet5(ImageShape.Gray28);
        model.to(target);
        var optimizer = optim.Adam(model.parameters(), 1e-3);
        var images = randn(new long[] { batch, 1, 28, 28 }, device: target);
        var labels = randint(0, 10, new long[] { batch }, device: target);
        void Step()
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            var loss = nn.functional.cross_entropy(model.call(images), labels);
            loss.backward();
            optimizer.step();
            loss.item<float>(); // waits for the device, as the PyTorch side does
        }
        double Round()
        {
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < steps; i++) Step();
            return clock.Elapsed.TotalSeconds;
        }

        var start = new ProcessStartInfo(python, [script, "--device", device, "--threads", threads.ToString(CultureInfo.InvariantCulture), "--batch", batch.ToString(CultureInfo.InvariantCulture)])
        {
            RedirectStandardInput = true, RedirectStandardOutput = true,
        };
        start.Environment["OMP_NUM_THREADS"] = threads.ToString(CultureInfo.InvariantCulture);
        using var pytorch = Process.Start(start) ?? throw new InvalidOperationException($"could not start {python}");
        var hello = (pytorch.StandardOutput.ReadLine() ?? throw new InvalidOperationException($"{script} printed nothing: is python3-torch installed?")).Split(' ');
        var pythonParameters = long.Parse(hello[0], CultureInfo.InvariantCulture);
        if (pythonParameters != model.ParameterCount())
            throw new InvalidOperationException($"PyTorch built {pythonParameters} parameters, TorchSharp {model.ParameterCount()}: the networks differ.");
        double PythonRound()
        {
            pytorch.StandardInput.WriteLine($"round {steps}");
            pytorch.StandardInput.Flush();
            return double.Parse(pytorch.StandardOutput.ReadLine()!, CultureInfo.InvariantCulture);
        }

        Round(); PythonRound(); // warm-up: first-step allocations, Adam's state, caches
        var sharp = new List<double>();
        var py = new List<double>();
        for (var r = 0; r < rounds; r++)
        {
            sharp.Add(Round() / steps);
            py.Add(PythonRound() / steps);
        }
        pytorch.StandardInput.WriteLine("quit");
        pytorch.WaitForExit();

        double tsMedian = Statistics.Median(sharp), ptMedian = Statistics.Median(py);
        Console.WriteLine($"LeNet-5 Adam step, batch {batch}, 1×28×28, {model.ParameterCount():N0} parameters; {TorchDevice.Describe(target)}; {threads} thread(s);");
        Console.WriteLine($"{rounds} alternating rounds of {steps} steps per side (median per step; min in brackets):");
        var sharpName = $"TorchSharp {typeof(torch).Assembly.GetName().Version!.ToString(3)}";
        Console.WriteLine($"  {sharpName,-20} {tsMedian * 1e3,8:F3} ms  [{sharp.Min() * 1e3:F3}]");
        Console.WriteLine($"  {"PyTorch " + hello[1],-20} {ptMedian * 1e3,8:F3} ms  [{py.Min() * 1e3:F3}]");
        Console.WriteLine($"  ratio TorchSharp / PyTorch: {tsMedian / ptMedian:F3} (median), {sharp.Min() / py.Min():F3} (min)");
    }

    internal static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static string FindScript()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "benchmarks", "lenet_step.py");
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException("benchmarks/lenet_step.py not found above the program's folder; pass --script PATH.");
    }
}
