namespace DlCourse.Data;

/// <summary>Fashion-MNIST (28 × 28 grey clothing images, 10 classes) from Debian's <c>dataset-fashion-mnist</c> package; pixels scaled to [0, 1].</summary>
public static class FashionMnist
{
    /// <summary>Where Debian installs it; <c>DLCOURSE_FASHION_MNIST</c> overrides.</summary>
    public static string DefaultFolder =>
        Environment.GetEnvironmentVariable("DLCOURSE_FASHION_MNIST") is { Length: > 0 } folder ? folder : "/usr/share/datasets/fashion-mnist";

    public static readonly IReadOnlyList<string> ClassNames =
        ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];

    private static readonly Dictionary<string, ImageSet> loaded = [];

    /// <summary>Loads both parts (once per process and folder).</summary>
    public static ImageSet Load(string? folder = null)
    {
        folder ??= DefaultFolder;
        lock (loaded)
        {
            if (loaded.TryGetValue(folder, out var cached)) return cached;
            var missing = new[] { "train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte" }
                .Where(name => Find(folder, name) is null).ToList();
            if (missing.Count > 0)
                throw new FileNotFoundException(
                    $"Fashion-MNIST is not in {folder} (missing {string.Join(", ", missing)}[.gz]): install it with " +
                    "`sudo apt-get install dataset-fashion-mnist` (or run environment/setup.sh), or set DLCOURSE_FASHION_MNIST to a folder holding the four IDX files.");
            var set = new ImageSet(
                MnistFormat.ReadPair(Find(folder, "train-images-idx3-ubyte")!, Find(folder, "train-labels-idx1-ubyte")!),
                MnistFormat.ReadPair(Find(folder, "t10k-images-idx3-ubyte")!, Find(folder, "t10k-labels-idx1-ubyte")!),
                ClassNames, 28, 28);
            loaded[folder] = set;
            return set;
        }
    }

    private static string? Find(string folder, string name) =>
        new[] { name + ".gz", name }.Select(n => Path.Combine(folder, n)).FirstOrDefault(File.Exists);
}
