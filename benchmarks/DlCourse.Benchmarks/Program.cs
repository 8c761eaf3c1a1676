using BenchmarkDotNet.Running;
using DlCourse.Benchmarks;

// Whole-process comparisons have their own verbs: `runner-latency` (kernel start, first and warm cells),
// `lenet-step [--device cuda] [--threads N]` (a TorchSharp training step against PyTorch's),
// `lenet-trainer [--threads N]` (a training step through DlCourse.Torch.TorchTrainer against a raw TorchSharp loop),
// `autodiff-gradient` (softmax regression's gradient by reverse mode against the fused loop it replaced),
// `grading-throughput` (small submissions graded per minute), `export-batch [NOTEBOOK...]` (PDF export with a
// warm browser) and `similarity [--students N] [--runs R]` (dlcourse similarity on a generated class of N students).
// Every other argument goes to BenchmarkDotNet, which offers each benchmark class in this assembly (add new ones in
// their own files).
if (args is ["runner-latency", ..]) await RunnerLatency.RunAsync();
else if (args is ["lenet-step", .. var options]) LeNetStep.Run(options);
else if (args is ["lenet-trainer", .. var trainerOptions]) LeNetTrainerStep.Run(trainerOptions);
else if (args is ["array-trainer", .. var arrayOptions]) ArrayTrainerEpoch.Run(arrayOptions);
else if (args is ["autodiff-gradient", .. var autodiffOptions]) AutodiffGradient.Run(autodiffOptions);
else if (args is ["grading-throughput", ..]) await GradingThroughput.RunAsync();
else if (args is ["export-batch", .. var notebooks]) await ExportBatch.RunAsync(notebooks);
else if (args is ["similarity", .. var similarityOptions]) SimilarityRun.Run(similarityOptions);
else BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
