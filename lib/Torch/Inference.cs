using TorchSharp;
using static TorchSharp.torch;

namespace DlCourse.Torch;

/// <summary>Runs a trained classifier over a data set in evaluation mode, without gradients.</summary>
public static class Inference
{
    /// <summary>Predicted class of every image, in the data's stored order (shuffling and augmentation are switched off).</summary>
    public static int[] Predict(nn.Module<Tensor, Tensor> model, ImageBatches data)
    {
        model.eval();
        using var noGrad = no_grad();
        var predictions = new List<int>(data.Count);
        foreach (var batch in data.With(shuffle: false, augmentation: Augmentation.None).Epoch())
            using (batch)
            using (NewDisposeScope())
                predictions.AddRange(model.call(batch.Images).argmax(1).cpu().data<long>().Select(v => (int)v));
        return predictions.ToArray();
    }
}
