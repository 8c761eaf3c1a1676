using DlCourse.Metrics;
using DlCourse.Optimization;

namespace DlCourse.Torch;

/// <summary>One trained configuration of an <see cref="MlpSearch"/>.</summary>
public sealed record MlpRun(int Depth, int Width, double Rate, Activation Activation, TrainingHistory History, Mlp Model)
{
    /// <summary>Validation accuracy at the epoch of lowest validation loss (the weights the trainer keeps).</summary>
    public double ValidationAccuracy => History.Best!.ValidationAccuracy;
}

/// <summary>
/// A search over an MLP's depth, width, Adam learning rate and activation on one split: every run gets the same seed,
/// data order and epochs, and runs are ranked by validation accuracy at their lowest validation loss.
/// </summary>
public sealed class MlpSearch
{
    private readonly List<MlpRun> runs = [];

    public MlpSearch(ImageSplit data, int seed, int epochs)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfLessThan(epochs, 1);
        (Data, Epochs, Seed) = (data, epochs, seed);
    }

    public ImageSplit Data { get; }
    public int Epochs { get; }
    public int Seed { get; }
    /// <summary>The runs in the order they were trained.</summary>
    public IReadOnlyList<MlpRun> Runs => runs;
    /// <summary>The run with the highest validation accuracy (the first trained of those tied).</summary>
    public MlpRun Best => runs.Count > 0 ? runs.MaxBy(r => r.ValidationAccuracy)! : throw new InvalidOperationException("Nothing has been trained yet.");
    /// <summary>The runs by validation accuracy, best first (ties in training order).</summary>
    public IReadOnlyList<MlpRun> Ranked => runs.OrderByDescending(r => r.ValidationAccuracy).ToList();

    /// <summary>Trains one configuration (depth hidden layers of one width) from the search's seed and adds it to the runs.</summary>
    public MlpRun Train(int depth, int width, double rate, Activation activation)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(depth);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        TorchDevice.Seed(Seed);
        var model = new Mlp(Data.Shape, Enumerable.Repeat(width, depth).ToArray(), Data.ClassCount, activation);
        var trainer = new TorchTrainer(model, new Adam(rate), new TrainingOptions { Epochs = Epochs, Progress = _ => { } });
        var history = trainer.Fit(Data.TrainBatches(), Data.ValidationBatches(), $"{depth}×{width}, η={rate:0e+0}, {activation}");
        var run = new MlpRun(depth, width, rate, activation, history, model);
        runs.Add(run);
        return run;
    }

    /// <summary>Trains every combination of depth, width and rate with ReLU (depth outermost, rate innermost); returns how many.</summary>
    public int TrainGrid(IReadOnlyList<int> depths, IReadOnlyList<int> widths, IReadOnlyList<double> rates)
    {
        if (depths.Count == 0 || widths.Count == 0 || rates.Count == 0) throw new ArgumentException("Give at least one depth, one width and one rate.");
        foreach (var depth in depths)
            foreach (var width in widths)
                foreach (var rate in rates) Train(depth, width, rate, Activation.ReLU);
        return depths.Count * widths.Count * rates.Count;
    }

    /// <summary>The best ReLU run: the grid's best configuration.</summary>
    public MlpRun GridBest => runs.Where(r => r.Activation == Activation.ReLU).MaxBy(r => r.ValidationAccuracy)
        ?? throw new InvalidOperationException("Train the ReLU grid first.");

    /// <summary>Trains <paramref name="activations"/> at the grid's best depth, width and rate, so that only φ differs.</summary>
    public void TrainActivations(IEnumerable<Activation> activations)
    {
        var shape = GridBest;
        foreach (var activation in activations)
        {
            if (activation == Activation.ReLU) throw new ArgumentException("The grid already holds the ReLU run at its best configuration.", nameof(activations));
            Train(shape.Depth, shape.Width, shape.Rate, activation);
        }
    }

    /// <summary>The runs with <paramref name="run"/>'s depth, width and rate (one per activation), best first.</summary>
    public IReadOnlyList<MlpRun> SameShape(MlpRun run) =>
        runs.Where(r => (r.Depth, r.Width, r.Rate) == (run.Depth, run.Width, run.Rate)).OrderByDescending(r => r.ValidationAccuracy).ToList();

    /// <summary>Every run, best first: its configuration, best epoch, validation loss and accuracy there, and seconds per epoch.</summary>
    public string Table()
    {
        var lines = new List<string> { $"{"depth",5} {"width",5} {"rate",7} {"φ",8} {"best epoch",10} {"val loss",9} {"val acc",8} {"s/epoch",8}" };
        lines.AddRange(Ranked.Select(r =>
            $"{r.Depth,5} {r.Width,5} {r.Rate,7:0.0e+0} {r.Activation,8} {r.History.BestEpoch,10} {r.History.BestLoss,9:F4} {r.ValidationAccuracy,8:P1} {r.History.SecondsPerEpoch,8:F2}"));
        lines.Add($"device: {runs[0].History.Device}");
        return string.Join("\n", lines);
    }

    /// <summary>The activations tried at <paramref name="run"/>'s shape, best first, with their validation accuracies.</summary>
    public string Activations(MlpRun run) => string.Join(", ", SameShape(run).Select(r => $"{r.Activation} {r.ValidationAccuracy:P1}"));

    /// <summary>The activations tried at the grid's best configuration, best first, and the spread of their validation accuracies.</summary>
    public string ActivationSummary()
    {
        var (gridBest, sameShape) = (GridBest, SameShape(GridBest));
        if (sameShape.Count < 2) throw new InvalidOperationException("Only ReLU was trained at the grid's best: train other activations first (TrainActivations).");
        return $"activations at depth {gridBest.Depth}, width {gridBest.Width}, η = {gridBest.Rate:0.0e+0}, best first: {Activations(gridBest)}\n" +
            $"spread between activations: {100 * (sameShape[0].ValidationAccuracy - sameShape[^1].ValidationAccuracy):F1} points";
    }

    /// <summary>
    /// The full-profile record of the search and of the chosen run's <paramref name="test"/> report, under the field names
    /// that <see cref="RecordVerdicts"/> reads back.
    /// </summary>
    public RecordedResults Record(string name, TestReport test)
    {
        ArgumentNullException.ThrowIfNull(test);
        var (best, ranked) = (Best, Ranked);
        var relu = runs.Where(r => r.Activation == Activation.ReLU).ToList();
        var atBestRate = relu.Where(r => r.Rate == best.Rate).Select(r => r.ValidationAccuracy).ToList();
        string Rates(IEnumerable<MlpRun> some) =>
            string.Join(", ", some.GroupBy(r => r.Rate).OrderByDescending(g => g.Count()).Select(g => $"η = {g.Key:0.0e+0}: {g.Count()}"));
        return new RecordedResults(name)
            .Add("data", Data.ToString())
            .Add("search", $"{relu.Count} ReLU configurations and {runs.Count - relu.Count} more activations, {Epochs} epochs of Adam each")
            .Add("chosen", $"depth {best.Depth}, width {best.Width}, η = {best.Rate:0.0e+0}, {best.Activation}, {best.Model.ParameterCount():N0} parameters")
            .Add("its best epoch, validation accuracy", $"{best.History.BestEpoch}, {best.ValidationAccuracy:P1}")
            .Add("test", test.ToString())
            .Add("rates of the top 8", Rates(ranked.Take(8)))
            .Add("rates of the bottom 8", Rates(ranked.TakeLast(8)))
            .Add($"ReLU runs at η = {best.Rate:0.0e+0}", $"{atBestRate.Min():P1} to {atBestRate.Max():P1} over {atBestRate.Count} runs")
            .Add("standard error of one validation accuracy", $"{AccuracyNoise.StandardError(best.ValidationAccuracy, Data.Validation.Count):P1}")
            .Add("activations at the grid's best", Activations(GridBest))
            // Width is what drives an epoch's cost; one depth keeps the comparison like for like.
            .Add("seconds per epoch by width (depth 2, ReLU)", string.Join(", ", relu.Where(r => r.Depth == 2)
                .GroupBy(r => r.Width).Select(g => $"{g.Key}: {g.Average(r => r.History.SecondsPerEpoch):F1} s")))
            .Add("minutes for the search", $"{runs.Sum(r => r.History.TotalSeconds) / 60:F0}");
    }

    /// <summary>
    /// What the search's figures say against their noise: the chosen run, the spread of depth and width at its rate,
    /// over-fitting, the learning rate, test against validation and the activations, one line each.
    /// </summary>
    public string Verdicts(TestReport test)
    {
        ArgumentNullException.ThrowIfNull(test);
        var best = Best;
        var chosenBest = best.History.Best!;
        var seValidation = AccuracyNoise.StandardError(chosenBest.ValidationAccuracy, Data.Validation.Count);
        var relu = runs.Where(r => r.Activation == Activation.ReLU).ToList();
        var byRate = relu.GroupBy(r => r.Rate).Select(g => (Rate: g.Key, Mean: g.Average(r => r.ValidationAccuracy))).OrderByDescending(g => g.Mean).ToList();
        var rateSpread = 100 * (byRate[0].Mean - byRate[^1].Mean);
        var atChosenRate = relu.Where(r => r.Rate == best.Rate).Select(r => r.ValidationAccuracy).ToList();
        var sameShape = SameShape(GridBest);
        if (!new[] { Activation.Sigmoid, Activation.Tanh }.All(a => sameShape.Any(r => r.Activation == a)))
            throw new InvalidOperationException("The verdicts set the sigmoid against tanh: train both at the grid's best first (TrainActivations).");
        double ActivationAccuracy(Activation a) => sameShape.Single(r => r.Activation == a).ValidationAccuracy;
        var activationSpread = 100 * (sameShape[0].ValidationAccuracy - sameShape[^1].ValidationAccuracy);
        return string.Join("\n",
            $"this run ({Epochs} epochs, {Data.Validation.Count} validation and {test.Truth.Length} test images):",
            $"  chosen: depth {best.Depth}, width {best.Width}, η = {best.Rate:0.0e+0}, {best.Activation}, validation {chosenBest.ValidationAccuracy:P1}",
            $"  depth and width at η = {best.Rate:0.0e+0}: {atChosenRate.Min():P1} to {atChosenRate.Max():P1} over {atChosenRate.Count} ReLU runs, a spread of " +
            $"{100 * (atChosenRate.Max() - atChosenRate.Min()):F1} points = {(atChosenRate.Max() - atChosenRate.Min()) / seValidation:F1} standard errors of one validation accuracy ({seValidation:P1})",
            $"  over-fitting: {OverFitting(best.History.BestEpoch!.Value, best.History.LastEpoch)}; train − validation gap " +
            $"{100 * chosenBest.AccuracyGap:+0.0;-0.0} points at that epoch, {100 * best.History.Epochs[^1].AccuracyGap:+0.0;-0.0} at the last",
            $"  learning rate: mean validation accuracy of the ReLU grid {string.Join(", ", byRate.Select(g => $"η = {g.Rate:0.0e+0}: {g.Mean:P1}"))}; " +
            $"difference {rateSpread:F1} points, {(AccuracyNoise.WithinNoise(rateSpread, 100 * seValidation) ? "within 2 standard errors: no rate is clearly better" : "beyond 2 standard errors: the rate matters")}",
            $"  test − validation of the chosen network: {test.Accuracy:P2} − {chosenBest.ValidationAccuracy:P1} = " +
            AgainstNoise(100 * (test.Accuracy - chosenBest.ValidationAccuracy), AccuracyNoise.DifferenceStandardError(chosenBest.ValidationAccuracy, Data.Validation.Count, test.Accuracy, test.Truth.Length)),
            $"  activations: {string.Join(", ", sameShape.Select(r => $"{r.Activation} {r.ValidationAccuracy:P1}"))}; spread {activationSpread:F1} points = " +
            $"{activationSpread / (100 * seValidation):F1} standard errors; sigmoid − tanh {100 * (ActivationAccuracy(Activation.Sigmoid) - ActivationAccuracy(Activation.Tanh)):+0.0;-0.0} points");
    }

    /// <summary>The same verdicts read from a full-profile record that <see cref="Record"/> wrote, or a line saying there is none.</summary>
    public static string RecordVerdicts(RecordedResults record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var recorded = record.ReadValues();
        if (recorded.Count == 0) return $"no full-profile record to read ({record.Path})";
        var validationCount = RecordedFields.Read(recorded["data"], ImageSplit.DescriptionPattern).Integer("validation");
        var recordedEpochs = RecordedFields.Read(recorded["search"], "{configurations} ReLU configurations and {more} more activations, {epochs} epochs of Adam each").Integer("epochs");
        var (chosen, test) = (RecordedFields.Read(recorded["its best epoch, validation accuracy"], "{epoch}, {accuracy} %"), RecordedFields.Read(recorded["test"], TestReport.SummaryPattern));
        var (recordedValidation, recordedTest) = (chosen.Percent("accuracy"), test.Percent("accuracy"));
        var recordedSe = AccuracyNoise.StandardError(recordedValidation, validationCount);
        var (top, bottom) = (RecordedFields.ReadList(recorded["rates of the top 8"], "η = {rate}: {runs}")[0], RecordedFields.ReadList(recorded["rates of the bottom 8"], "η = {rate}: {runs}")[0]);
        var range = RecordedFields.Read(recorded.Single(kv => kv.Key.StartsWith("ReLU runs at")).Value, "{low} % to {high} % over {runs} runs");
        var activations = RecordedFields.ReadList(recorded["activations at the grid's best"], "{name} {accuracy} %").ToDictionary(a => a.Text("name"), a => a.Number("accuracy"));
        var (rangePoints, activationSpread) = (range.Number("high") - range.Number("low"), activations.Values.Max() - activations.Values.Min());
        // Six of eight places is the line between a rate that decides the ranking and one that merely leans.
        var rateDecides = top.Integer("runs") >= 6 && bottom.Integer("runs") >= 6 && top.Text("rate") != bottom.Text("rate");
        return string.Join("\n",
            $"full-profile record ({recordedEpochs} epochs, {validationCount} validation and {test.Integer("images")} test images):",
            $"  chosen: {recorded["chosen"]}, validation {recordedValidation:P1}",
            $"  depth and width at the chosen rate: {range.Text("low")} % to {range.Text("high")} %, a spread of {rangePoints:F1} points = {rangePoints / (100 * recordedSe):F1} standard errors of one validation accuracy ({recordedSe:P1})",
            $"  over-fitting: {OverFitting(chosen.Integer("epoch"), recordedEpochs)}",
            $"  learning rate: top 8 {recorded["rates of the top 8"]}; bottom 8 {recorded["rates of the bottom 8"]}: " + (rateDecides
                ? $"the rate decides the ranking (η = {top.Text("rate")} at the top, η = {bottom.Text("rate")} at the bottom)" : "no rate dominates the ranking"),
            $"  test − validation of the chosen network: {recordedTest:P2} − {recordedValidation:P1} = " +
            AgainstNoise(100 * (recordedTest - recordedValidation), AccuracyNoise.DifferenceStandardError(recordedValidation, validationCount, recordedTest, test.Integer("images"))),
            $"  activations: {recorded["activations at the grid's best"]}; spread {activationSpread:F1} points = {activationSpread / (100 * recordedSe):F1} standard errors; " +
            $"sigmoid − tanh {activations["Sigmoid"] - activations["Tanh"]:+0.0;-0.0} points");
    }

    private static string AgainstNoise(double points, double standardError) =>
        $"{points:+0.00;-0.00} points, {Math.Abs(points) / (100 * standardError):F1} standard errors ({100 * standardError:F2} points): " +
        (AccuracyNoise.WithinNoise(points, 100 * standardError) ? "within noise" : "beyond noise");

    private static string OverFitting(int bestEpoch, int lastEpoch) => bestEpoch < lastEpoch
        ? $"lowest validation loss at epoch {bestEpoch} of {lastEpoch}: it rose over the last {lastEpoch - bestEpoch} epochs, so the network over-fitted after epoch {bestEpoch} (the kept weights are that epoch's)"
        : $"lowest validation loss at the last epoch ({lastEpoch} of {lastEpoch}): still falling, no over-fitting yet";
}
