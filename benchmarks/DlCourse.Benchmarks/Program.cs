using BenchmarkDotNet.Running;
using DlCourse.Benchmarks;

// `runner-latency` times whole kernel processes; `lenet-step [--device cuda] [--threads N]` compares a TorchSharp
// training step with PyTorch's; every other argument goes to BenchmarkDotNet, which offers each
// benchmark class in this assembly (add new ones in their own files).
if (args is ["runner-latency", ..]) await RunnerLatency.RunAsync();
else if (args is ["lenet-step", .. var options]) LeNetStep.Run(options);
else BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
