namespace DlCourse.Data;

/// <summary>Turns an IDX image file and its label file into a <see cref="Dataset"/> with pixels in [0, 1].</summary>
public static class MnistFormat
{
    public static Dataset ReadPair(string imagesPath, string labelsPath)
    {
        var images = IdxReader.Read(imagesPath);
        var labels = IdxReader.Read(labelsPath);
        if (images.Shape.Length < 2) throw new InvalidDataException($"{imagesPath}: expected images (rank ≥ 2), found rank {images.Shape.Length}");
        if (labels.Shape.Length != 1) throw new InvalidDataException($"{labelsPath}: expected labels (rank 1), found rank {labels.Shape.Length}");
        if (images.Count != labels.Count)
            throw new InvalidDataException($"{imagesPath} has {images.Count} images but {labelsPath} has {labels.Count} labels");
        var features = new float[images.Data.Length];
        for (int i = 0; i < features.Length; i++) features[i] = images.Data[i] / 255f;
        var classes = labels.Data.Select(b => (int)b).ToArray();
        return new Dataset(features, images.ItemSize, classes, Math.Max(10, classes.DefaultIfEmpty(0).Max() + 1));
    }
}
