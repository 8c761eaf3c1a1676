using DlCourse.Data;
using DlCourse.Derivations;
using DlCourse.Models;
using DlCourse.Optimization;

namespace DlCourse.Tests.Models;

/// <summary>The model protocol as a notebook uses it: a class declares named blocks and writes its gradient, and the trainer trains that class.</summary>
public class ModelProtocolTests
{
    /// <summary>ŷ = Wx + b with the mean squared error, written as a student would: blocks, indexers, += into Grad.</summary>
    private sealed class Line : Model
    {
        public readonly Parameter W, b;

        public Line(int features)
        {
            W = AddParameter("W", 1, features);
            b = AddParameter("b", 1);
        }

        protected override double Backward(Dataset data, int[] rows)
        {
            double loss = 0;
            foreach (var i in rows)
            {
                var x = data.Row(i);
                double error = b.Value[0] - data.Target(i);
                for (int j = 0; j < x.Length; j++) error += W.Value[0, j] * x[j];
                loss += error * error / rows.Length;
                for (int j = 0; j < x.Length; j++) W.Grad[0, j] += (float)(2 * error * x[j] / rows.Length);
                b.Grad[0] += (float)(2 * error / rows.Length);
            }
            return loss;
        }
    }

    /// <summary>A model whose Backward asks for the default loss, which runs Backward.</summary>
    private sealed class Recursive : Model
    {
        public Recursive() => AddParameter("w", 1);

        protected override double Backward(Dataset data, int[] rows) => Loss(data, rows);
    }

    private static readonly Dataset Data = Dataset.Regression(
        [[0.5, -1.0], [1.5, 0.3], [-0.7, 2.0], [2.2, -0.4], [0.1, 0.9], [-1.3, -1.1]], [1.0, 2.5, -0.5, 3.1, 0.7, -2.0]);

    [Fact]
    public void Blocks_are_named_shaped_views_of_one_parameter_vector()
    {
        var line = new Line(2);
        Assert.Equal(["W", "b"], line.Blocks.Select(p => p.Name));
        Assert.Equal(3, line.Parameters.Length);
        Assert.Equal(["W[0,0]", "W[0,1]", "b"], line.ParameterNames);
        line.W.Value[0, 1] = 4f;
        line.b.Value[0] = -2f;
        Assert.Equal([0f, 4f, -2f], line.Parameters);
        line.Parameters[0] = 7f;
        Assert.Equal(7f, line.W.Value.Row(0)[0]);
        Assert.Throws<IndexOutOfRangeException>(() => line.W.Value[1, 0]);
        Assert.Throws<IndexOutOfRangeException>(() => line.b.Grad[1]);
        Assert.Equal("Line: W (1×2), b (1); 3 parameters", line.ToString());
    }

    [Fact]
    public void The_gradient_starts_from_zero_on_every_pass_and_matches_finite_differences()
    {
        var line = new Line(2);
        line.Parameters[0] = 0.3f; line.Parameters[1] = -0.2f; line.Parameters[2] = 0.1f;
        line.LossAndGradient(Data);
        var once = line.Gradient.ToArray();
        line.LossAndGradient(Data);
        Assert.Equal(once, line.Gradient); // accumulated with +=, yet not doubled
        var check = GradientCheck.Run(line, Data, tolerance: 1e-3, step: 1e-2);
        Assert.True(check.Passed, check.ToString());
        Assert.Equal(line.ParameterNames, check.Entries.Select(e => e.Name));
    }

    [Fact]
    public void At_evaluates_elsewhere_and_restores_parameters_and_gradient()
    {
        var line = new Line(2);
        line.Parameters[2] = 0.5f;
        line.LossAndGradient(Data);
        var (parameters, gradient) = (line.Parameters.ToArray(), line.Gradient.ToArray());
        double elsewhere = line.At([1f, 1f, 1f], m => m.LossAndGradient(Data));
        Assert.NotEqual(line.Loss(Data), elsewhere);
        Assert.Equal(parameters, line.Parameters);
        Assert.Equal(gradient, line.Gradient);
        Assert.Throws<ArgumentException>(() => line.At([1f], m => 0.0));
    }

    [Fact]
    public void The_trainer_trains_the_class_written_to_the_least_squares_solution()
    {
        var line = new Line(2);
        var history = Trainer.Fit(line, new GradientDescent(0.1), Data, options: new TrainingOptions { Epochs = 3000 });
        var exact = DlCourse.Tests.Numerics.TestData.LeastSquares(Data);
        for (int j = 0; j < 3; j++) Assert.Equal(exact[j], line.Parameters[j], 3);
        Assert.Equal(0, history.Epochs[0].Epoch); // row 0: the model before training
        Assert.True(history.TrainLoss[^1] < history.TrainLoss[0]);
    }

    [Fact]
    public void Misuse_is_refused_with_a_reason()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new Recursive().LossAndGradient(Data));
        Assert.Contains("override Loss", error.Message);
        Assert.Throws<ArgumentException>(() => new Line(2).LossAndGradient(Data, []));
        Assert.Throws<ArgumentNullException>(() => new Line(2).LossAndGradient(null!));
    }

    [Fact]
    public void A_gradient_function_trains_the_model_it_views()
    {
        var model = new LogisticRegression(2);
        var data = Synthetic.TwoGaussians(20, seed: 3);
        var viewed = model.WithGradient((m, d, rows) =>
        {
            var copy = new LogisticRegression(2).WithParameters(m.Parameters);
            copy.LossAndGradient(d, rows);
            return copy.Gradient;
        });
        Assert.Same(model.Parameters, viewed.Parameters);
        Trainer.Fit(viewed, new GradientDescent(0.5), data, options: new TrainingOptions { Epochs = 5 });
        var reference = new LogisticRegression(2);
        Trainer.Fit(reference, new GradientDescent(0.5), data, options: new TrainingOptions { Epochs = 5 });
        Assert.Equal(reference.Parameters, model.Parameters);
    }
}
