using DlCourse.Cli.Grading;
using DlCourse.Cli.Grading.Screening;
using DlCourse.Cli.Notebooks;

namespace DlCourse.Tests.Grading;

/// <summary>A question's points cannot be earned by calling the library's (or TorchSharp's) own answer to it: its solution cells may
/// use only what the source notebook's <c>solution_may_use</c> lists of the code that computes answers.</summary>
public class WithheldAnswerTests
{
    // For every question whose answer the library or TorchSharp can compute: a solution that calls it instead.
    public static TheoryData<string, string> LibraryAnswers() => new()
    {
        { "a1-loss-functions/q1-cross-entropy-vs-mse.ipynb", "(double Bce, double Mse) LogitGradients(double z, double y) => (DlCourse.Derivations.FiniteDifferences.Derivative(v => DlCourse.Numerics.BinaryCrossEntropyWithLogits.Value(new[] { v }, new[] { y }), z), 0);" },
        { "a1-loss-functions/q2-binary-cross-entropy.ipynb", "double Bce(double y, double yHat) => DlCourse.Numerics.CrossEntropy.Value(new[] { yHat, 1 - yHat }, new[] { y, 1 - y });" },
        { "a1-loss-functions/q3-l2-regularised-bce.ipynb", "(double[] GradW, double GradB) RegularisedBceGradient(Matrix<double> X, double[] y, double[] w, double b, double lambda)\n{\n    var g = DlCourse.Derivations.FiniteDifferences.Gradient(new DlCourse.Derivations.LogisticModelLoss(DlCourse.Derivations.LogisticLossKind.CrossEntropy, X, y, lambda / X.RowCount).Value, [.. w, b]);\n    return (g[..^1], g[^1]);\n}" },
        { "a1-loss-functions/q4-kl-divergence.ipynb", "double KlDivergenceOf(double[] p, double[] q) => DlCourse.Numerics.CrossEntropy.Value(q, p) - DlCourse.Numerics.Entropy.Value(p);" },
        { "a1-loss-functions/q5-softmax-jacobian.ipynb", "Matrix<double> SoftmaxJacobian(double[] z) => DlCourse.Derivations.FiniteDifferences.Jacobian(StableSoftmax.Apply, z);" },
        { "a1-loss-functions/q6-cross-entropy-through-softmax.ipynb", "(Matrix<double> GradW, double[] GradB) SoftmaxRegressionGradient(Matrix<double> X, int[] labels, Matrix<double> W, double[] b)\n{\n    var loss = new DlCourse.Derivations.SoftmaxRegressionLoss(X, labels, W.RowCount);\n    return loss.Unpack(DlCourse.Derivations.FiniteDifferences.Gradient(loss.Value, loss.Pack(W, b)));\n}" },
        { "a1-loss-functions/q7-stable-softmax.ipynb", "double[] MySoftmax(double[] z) => StableSoftmax.Apply(z);" },
        { "a1-loss-functions/q7-stable-softmax.ipynb", "double[] MySoftmax(double[] z) => z.Select(v => Math.Exp(v - DlCourse.Numerics.LogSumExp.Apply(z))).ToArray();" },
        { "a1-loss-functions/q7-stable-softmax.ipynb", "double[] MySoftmax(double[] z) => TorchSharp.torch.tensor(z).softmax(0).data<double>().ToArray();" },
        // Routes no answer mark ever named: the cross-entropy with logits and the log-softmax compute A1 Q2's and Q7's answers too.
        { "a1-loss-functions/q7-stable-softmax.ipynb", "double[] MySoftmax(double[] z) => DlCourse.Numerics.LogSoftmax.Apply(z).Select(Math.Exp).ToArray();" },
        { "a1-loss-functions/q2-binary-cross-entropy.ipynb", "double Bce(double y, double yHat) => DlCourse.Numerics.CrossEntropyWithLogits.Value(new[] { Math.Log(yHat), Math.Log(1 - yHat) }, new[] { y, 1 - y });" },
        { "a1-loss-functions/q8-convexity-linear-activations.ipynb", "Matrix<double> CrossEntropyHessian(double[] z) => DlCourse.Derivations.FiniteDifferences.Hessian(v => DlCourse.Numerics.CrossEntropyWithLogits.Value(v, 0), z);" },
        { "a2-backprop-gradient-descent/q2-backprop-by-hand.ipynb", "double[] Backprop(double[] theta, double[] x, double t) => DlCourse.Derivations.FiniteDifferences.Gradient(th => th.Sum() * t, theta);" },
        { "a2-backprop-gradient-descent/q3-vanishing-gradients.ipynb", "double[] SigmoidChainGradients(double[] w, double[] b, double x, double t) => new DlCourse.Models.DeepChain(w.Length, 1, DlCourse.Activation.Sigmoid).Gradient(x, t);" },
        { "a2-backprop-gradient-descent/q4-logistic-regression-gd.ipynb", "double[] NllGradient(double[] theta, Dataset data) => DlCourse.Models.ModelFunctions.Gradient(new DlCourse.Models.LogisticRegression(2), data)(theta);" },
        { "a2-backprop-gradient-descent/q5-stochastic-gd.ipynb", "void SgdEpoch(LogisticRegression model, Dataset data, double eta, Random random) => DlCourse.Optimization.Trainer.Fit(model, new DlCourse.Optimization.GradientDescent(eta), data);" },
        { "a2-backprop-gradient-descent/q6-log-loss-all-ones.ipynb", "double BiasGradient(LogisticRegression model, Dataset data)\n{\n    model.LossAndGradient(data);\n    return model.Gradient[^1];\n}" },
        { "a2-backprop-gradient-descent/q7-linear-regression-xor.ipynb", "double[] SolveNormalEquations(Matrix<double> X, Vector<double> y)\n{\n    var model = new DlCourse.Models.LinearRegression(X.ColumnCount - 1);\n    var data = DlCourse.Data.Dataset.Regression(X.Column(0).ToArray(), y.ToArray());\n    DlCourse.Optimization.Trainer.Fit(model, new DlCourse.Optimization.GradientDescent(0.1), data, options: new() { Epochs = 5000 });\n    return model.Parameters.Select(p => (double)p).ToArray();\n}" },
        { "a2-backprop-gradient-descent/q8-gradient-descent-variants.ipynb", "void AdamStep(float[] theta, float[] gradient, float[] m, float[] v, int t, double eta, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8) => new DlCourse.Optimization.Adam(eta, beta1, beta2, epsilon).Step(theta, gradient);" },
        { "a3-linear-classifiers/q1-binary-logistic-regression.ipynb", "class MyLogisticRegression(int featureCount) : LogisticClassifier(featureCount)\n{\n    protected override double Backward(Dataset data, int[] rows)\n    {\n        var library = new DlCourse.Models.LogisticRegression(FeatureCount);\n        Parameters.CopyTo(library.Parameters, 0);\n        double loss = library.LossAndGradient(data, rows);\n        library.Gradient.CopyTo(Gradient, 0);\n        return loss;\n    }\n}" },
        { "a3-linear-classifiers/q1-binary-logistic-regression.ipynb", "class MyLogisticRegression(int featureCount) : LogisticClassifier(featureCount)\n{\n    protected override double Backward(Dataset data, int[] rows)\n    {\n        var g = DlCourse.Models.ModelFunctions.Gradient(this, data, rows)(DlCourse.Models.ModelFunctions.ParametersOf(this));\n        for (int j = 0; j < g.Length; j++) Gradient[j] = (float)g[j];\n        return Loss(data, rows);\n    }\n}" },
        { "a3-linear-classifiers/q2-softmax-regression.ipynb", "class MySoftmaxRegression(int featureCount, int classCount) : SoftmaxClassifier(featureCount, classCount)\n{\n    protected override double Backward(Dataset data, int[] rows)\n    {\n        var library = new DlCourse.Models.SoftmaxRegression(FeatureCount, ClassCount).WithParameters(Parameters);\n        double loss = library.LossAndGradient(data, rows);\n        library.Gradient.CopyTo(Gradient, 0);\n        return loss;\n    }\n}" },
        { "a3-linear-classifiers/q3-l2-regularisation.ipynb", "void RegularisedStep(SoftmaxClassifier model, double eta, double lambda)\n{\n    var penalty = DlCourse.Derivations.FiniteDifferences.Gradient(w => DlCourse.Numerics.L2Penalty.Value(w, lambda), model.W.Value.ToArray().Select(p => (double)p).ToArray());\n    for (int j = 0; j < model.W.Count; j++) model.W.Value[j] -= (float)(eta * (model.W.Grad[j] + penalty[j]));\n    for (int k = 0; k < model.b.Count; k++) model.b.Value[k] -= (float)(eta * model.b.Grad[k]);\n}" },
        { "a4-deep-networks/q1-mlp-tuning.ipynb", "long MlpParameterCount(int inputs, IReadOnlyList<int> hidden, int classes) => new DlCourse.Torch.Mlp(DlCourse.Torch.ImageShape.Gray28, hidden, classes).ParameterCount();" },
        { "a4-deep-networks/q2-cnn.ipynb", "int ConvOutputSize(int n, int kernel, int padding, int stride) => (int)TorchSharp.torch.zeros(1, 1, n, n).shape[2];" },
        { "a4-deep-networks/q2-cnn.ipynb", "class LeNet(int classes = 10) : nn.Module<Tensor, Tensor>(\"LeNet\")\n{\n    private readonly DlCourse.Torch.LeNet5 inner = new(DlCourse.Torch.ImageShape.Gray28, classes);\n    public override Tensor forward(Tensor x) => inner.call(x);\n}" },
        { "a4-deep-networks/q3-resnet-augmentation.ipynb", "float[] ShiftAndFlip(float[] image, ImageShape shape, int dy, int dx, bool flip)\n{\n    var output = new float[image.Length];\n    DlCourse.Torch.Augmentation.Transform(image, output, shape, dy, dx, flip);\n    return output;\n}" },
        { "a4-deep-networks/q4-architecture-comparison.ipynb", "long ConvParameters(int inChannels, int outChannels, int kernel, bool bias) => TorchSharp.torch.nn.Conv2d(inChannels, outChannels, kernel).parameters().Sum(p => p.numel());" },
    };

    [Theory]
    [MemberData(nameof(LibraryAnswers))]
    public void A_solution_that_calls_the_library_answer_is_refused(string relative, string code)
    {
        var assembled = Assemble(relative, code, out var gradeId);
        var note = Assert.Single(assembled.Notes);
        Assert.True(note.Contains("was not run") && note.Contains("answer") && note.Contains("write the answer yourself"), note);
        Assert.Contains(SolutionRegions.Stub, assembled.Notebook.Cells.Single(c => GradingCell.Of(c).GradeId == gradeId).Source);
    }

    [Fact]
    public void Every_question_whose_answer_the_library_computes_is_covered()
    {
        var covered = LibraryAnswers().Select(row => (string)row[0]).ToHashSet();
        // A2 Q1 (the meeting point of three boundaries), A3 Q4 (a search that is meant to call the trainer) and A4 Q5
        // (fine-tuning through the library's checkpoint API) have no library answer to withhold.
        var without = new[] { "a2-backprop-gradient-descent/q1-softmax-decision-regions.ipynb", "a3-linear-classifiers/q4-hyperparameter-search.ipynb", "a4-deep-networks/q5-fine-tuning.ipynb" };
        var all = ScreenTests.CourseNotebooks().Select(r => ((string)r[0]).Replace('\\', '/'));
        Assert.Equal(all.Except(without).Order(), covered.Order());
    }

    [Theory]
    [MemberData(nameof(ScreenTests.CourseNotebooks), MemberType = typeof(ScreenTests))]
    public void Every_course_notebook_lists_what_its_solutions_use_and_no_more_than_they_need(string relative)
    {
        var path = Path.Combine(Support.Repository.Notebooks, relative);
        var source = Notebook.Load(path);
        Assert.True(source.Metadata["dlcourse"]?[QuestionLibrary.MetadataKey] is System.Text.Json.Nodes.JsonArray, $"{relative} states no {QuestionLibrary.MetadataKey}");
        var listed = QuestionLibrary.Listed(source);
        Assert.DoesNotContain(SubmissionAssembler.LibraryUsedBySolutions(source, Path.GetDirectoryName(path)!), used => !QuestionLibrary.Covers(listed, used));
        // A whole namespace of the course library would let every answer in it through (TorchSharp's, where a question is
        // about using it, as A4 Q5's is, is the instructor's call; the library-answer cases above hold the others to account).
        Assert.DoesNotContain(listed, entry => entry is "DlCourse.*" or "DlCourse.Numerics.*" or "DlCourse.Models.*" or "DlCourse.Derivations.*" or "DlCourse.Optimization.*" or "DlCourse.Torch.*");
    }

    [Fact]
    public void A_later_question_may_use_what_an_earlier_one_asks_for()
    {
        // A1 Q7 asks for the stable softmax; A1 Q6 builds on the library's.
        const string code = "(Matrix<double> GradW, double[] GradB) SoftmaxRegressionGradient(Matrix<double> X, int[] labels, Matrix<double> W, double[] b)\n{\n    var r = StableSoftmax.Apply((X * W.Transpose()).MapIndexed((i, k, v) => v + b[k])) - OneHot.Matrix(labels, W.RowCount);\n    return (r.TransposeThisAndMultiply(X) / X.RowCount, (r.ColumnSums() / X.RowCount).ToArray());\n}";
        var notes = Assemble("a1-loss-functions/q6-cross-entropy-through-softmax.ipynb", code, out _).Notes;
        Assert.True(notes.Count == 0, string.Join("\n", notes));
    }

    private static AssembledNotebook Assemble(string relative, string code, out string gradeId)
    {
        var path = Path.Combine(Support.Repository.Notebooks, relative);
        var source = Notebook.Load(path);
        var student = Releaser.Release(source, relative);
        // The solution cell that declares what the code declares (A4 Q2 has two: the output size and the LeNet module).
        var solutions = student.Cells.Where(c => c.Kind == CellKind.Code && GradingCell.Of(c).IsSolution).ToList();
        var declared = code.Split('(', ':', '{')[0].Trim();
        var cell = solutions.Count == 1 ? solutions[0] : solutions.Single(c => c.Source.Contains(declared, StringComparison.Ordinal));
        gradeId = GradingCell.Of(cell).GradeId!;
        cell.Source = code;
        return SubmissionAssembler.Assemble(source, student, relative, Path.GetDirectoryName(path));
    }
}
