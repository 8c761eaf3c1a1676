// Loads the course library into a notebook, identically in VS Code, Jupyter, dotnet-repl and `dlcourse run`: every
// notebook's first cell is `#!import "../course.csx"`, which runs this file as a cell of its own, so its usings reach
// the notebook's later cells (a `#load`ed script's usings would stay in the script). Its paths are relative to the
// notebook's folder, where each of those hosts starts the kernel. The library is built into artifacts/lib by
// `dotnet build` (the README's Quick start does it). FSharp.Core is the host's own (VS Code's kernel loads one at
// start): DlCourse.SharedAssemblies binds Plotly.NET to it.
#r "../../artifacts/lib/DlCourse.Lib.dll"
#r "../../artifacts/lib/MathNet.Numerics.dll"
#r "../../artifacts/lib/Plotly.NET.dll"
#r "../../artifacts/lib/Plotly.NET.CSharp.dll"
#r "../../artifacts/lib/TorchSharp.dll"
using DlCourse;
using DlCourse.Data;
using DlCourse.Derivations;
using DlCourse.Metrics;
using DlCourse.Models;
using DlCourse.Numerics;
using DlCourse.Optimization;
using DlCourse.Plotting;
using DlCourse.Torch;
using MathNet.Numerics.LinearAlgebra;
using TorchSharp;
Console.WriteLine(DlCourse.Hosting.Course.Start());
