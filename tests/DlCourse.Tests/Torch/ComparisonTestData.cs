using DlCourse.Data;
using DlCourse.Torch;

namespace DlCourse.Tests.Torch;

/// <summary>Small learnable splits for the comparison and search classes, and full-profile records written for a test.</summary>
internal static class ComparisonTestData
{
    /// <summary>Bright-patch images (see <see cref="TorchTestData.Patches"/>) of 1×28×28 in <paramref name="classes"/> classes: 48 train, 16 validation, 24 test.</summary>
    public static ImageSplit Split(int classes = 3, int seed = 5)
    {
        var shape = ImageShape.Gray28;
        Dataset Make(int count, int offset)
        {
            var (images, labels) = TorchTestData.Patches(count, shape, classes, seed + offset);
            return new Dataset(images, shape.Size, labels, classes);
        }
        return ImageSplit.From(new ImageSet(Make(64, 0), Make(24, 1), Enumerable.Range(0, classes).Select(k => $"class {k}").ToArray(), 28, 28),
            train: 48, validation: 16, test: 24);
    }

    /// <summary>A full-profile record on disk holding <paramref name="values"/>, as a full-profile run writes one.</summary>
    public static RecordedResults Record(params (string Key, string Value)[] values)
    {
        var folder = Support.Repository.TempFolder("record");
        var json = new System.Text.Json.Nodes.JsonObject
        {
            ["notebook"] = "demo", ["date"] = "2026-01-01 00:00 UTC", ["device"] = "cpu", ["commit"] = "0000000",
            ["values"] = new System.Text.Json.Nodes.JsonArray(values.Select(v => (System.Text.Json.Nodes.JsonNode)new System.Text.Json.Nodes.JsonObject { ["key"] = v.Key, ["value"] = v.Value }).ToArray()),
        };
        File.WriteAllText(Path.Combine(folder, "demo.json"), json.ToJsonString());
        return new RecordedResults("demo", folder);
    }

    public static RecordedResults Missing() => new("none-here", Support.Repository.TempFolder("no-record"));
}
