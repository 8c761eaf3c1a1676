using BenchmarkDotNet.Running;

// Every benchmark class in this assembly is offered; add new ones in their own files.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
