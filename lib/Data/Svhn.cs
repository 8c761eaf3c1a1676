namespace DlCourse.Data;

/// <summary>
/// SVHN cropped digits (32 × 32 colour house-number digits, 10 classes) from its MAT-files train_32x32.mat and
/// test_32x32.mat: X is uint8 32×32×3×N (MATLAB's height × width × channel × image), y holds 1..10 with 10 for digit 0.
/// Rows of the returned datasets are C×H×W in [0, 1] and labels are the digits 0..9.
/// </summary>
public static class Svhn
{
    public static Uri Mirror { get; set; } = new("http://ufldl.stanford.edu/housenumbers/");

    public static readonly IReadOnlyDictionary<string, string> Files = new Dictionary<string, string>
    {
        ["train_32x32.mat"] = "435e94d69a87fde4fd4d7f3dd208dfc32cb6ae8af2240d066de1df7508d083b8",
        ["test_32x32.mat"] = "cdce80dfb2a2c4c6160906d0bd7c68ec5a99d7ca4831afa54f09182025b6a75b",
    };

    public static readonly IReadOnlyList<string> ClassNames = [.. Enumerable.Range(0, 10).Select(d => d.ToString())];

    /// <summary>Downloads what is missing into <paramref name="cacheFolder"/> (default <see cref="Download.CacheFolder"/>/svhn) and loads both parts.</summary>
    public static ImageSet Load(string? cacheFolder = null)
    {
        cacheFolder ??= Path.Combine(Download.CacheFolder, "svhn");
        string Get(string name) => Download.Fetch(new Uri(Mirror, name), Files[name], Path.Combine(cacheFolder, name));
        return new ImageSet(Read(Get("train_32x32.mat")), Read(Get("test_32x32.mat")), ClassNames, 32, 32);
    }

    /// <summary>The set if both files are already in the cache (no download), else null.</summary>
    public static ImageSet? TryLoadCached(string? cacheFolder = null)
    {
        cacheFolder ??= Path.Combine(Download.CacheFolder, "svhn");
        return Files.Keys.All(f => File.Exists(Path.Combine(cacheFolder, f))) ? Load(cacheFolder) : null;
    }

    /// <summary>Reads one SVHN MAT-file into a dataset.</summary>
    public static Dataset Read(string path)
    {
        var arrays = MatFile.Read(path);
        if (!arrays.TryGetValue("X", out var x) || !arrays.TryGetValue("y", out var y))
            throw new InvalidDataException($"{path} lacks the arrays X and y of SVHN's cropped-digit format.");
        if (x.Dimensions.Length is not (3 or 4) || x.Dimensions[0] != 32 || x.Dimensions[1] != 32 || x.Dimensions[2] != 3)
            throw new InvalidDataException($"{path}: X is {string.Join("×", x.Dimensions)}, expected 32×32×3×N.");
        var count = x.Dimensions.Length == 4 ? x.Dimensions[3] : 1;
        var digits = y.ToDoubles();
        if (digits.Length != count) throw new InvalidDataException($"{path}: {count} images but {digits.Length} labels.");

        var pixels = x.Bytes;
        const int plane = 32 * 32, image = 3 * plane;
        var features = new float[(long)count * image];
        // MATLAB is column-major: X(h, w, c, n) sits at h + 32w + 1024c + 3072n; rows here are c, h, w (row-major).
        for (var n = 0; n < count; n++)
            for (var c = 0; c < 3; c++)
                for (var w = 0; w < 32; w++)
                    for (var h = 0; h < 32; h++)
                        features[n * image + c * plane + h * 32 + w] = pixels[n * image + c * plane + w * 32 + h] / 255f;

        var labels = new int[count];
        for (var i = 0; i < count; i++)
        {
            var digit = digits[i];
            if (digit is < 1 or > 10 || digit != Math.Floor(digit))
                throw new InvalidDataException($"{path}: label {digit} at {i}; SVHN labels are 1..10 (10 for digit 0).");
            labels[i] = (int)digit % 10;
        }
        return new Dataset(features, image, labels, 10);
    }
}
