using BenchmarkDotNet.Running;
using DlCourse.Benchmarks;

// `runner-latency` times whole kernel processes and `export-batch [NOTEBOOK...]` whole browser sessions; every other
// argument goes to BenchmarkDotNet, which offers each benchmark class in this assembly (add new ones in their own files).
if (args is ["runner-latency", ..]) await RunnerLatency.RunAsync();
else if (args is ["export-batch", .. var notebooks]) await ExportBatch.RunAsync(notebooks);
else BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
