// Loads the course library into a notebook, identically in VS Code and in `dlcourse run`.
// The library is built into artifacts/lib by `dotnet build` (the README's Quick start does it). FSharp.Core is the
// host's own (VS Code's kernel loads one at start): DlCourse.SharedAssemblies binds Plotly.NET to it.
#r "../artifacts/lib/DlCourse.Lib.dll"
#r "../artifacts/lib/MathNet.Numerics.dll"
#r "../artifacts/lib/Plotly.NET.dll"
#r "../artifacts/lib/Plotly.NET.CSharp.dll"
#r "../artifacts/lib/TorchSharp.dll"
Console.WriteLine(DlCourse.Hosting.Course.Start());
