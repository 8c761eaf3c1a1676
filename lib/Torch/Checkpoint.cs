using System.Text.Json;
using DlCourse.Optimization;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace DlCourse.Torch;

/// <summary>What a checkpoint records besides the tensors: the model's name and the training history up to that point.</summary>
public sealed record CheckpointInfo(string Model, TrainingHistory History)
{
    /// <summary>Epochs finished when the checkpoint was written; a resumed run continues with the next one.</summary>
    public int EpochsDone => History.LastEpoch;
}

/// <summary>
/// One file with a model's weights, optionally its optimiser's state, and a JSON header with the training history.
/// Written atomically (temporary file, then rename), so a crash never leaves a half-written checkpoint.
/// </summary>
public static class Checkpoint
{
    private const string Magic = "DLCOURSE-CHECKPOINT";
    private const int Version = 2;

    public static void Save(string path, nn.Module model, OptimizerHelper? optimizer = null, TrainingHistory? history = null)
    {
        AtomicFile.Write(path, stream =>
        {
            using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
            writer.Write(Magic);
            writer.Write(Version);
            writer.Write(JsonSerializer.Serialize(new CheckpointInfo(model.GetName(), history ?? new TrainingHistory()), TrainingHistory.Json));
            writer.Write(optimizer is not null);
            model.save(writer);
            optimizer?.save_state_dict(writer);
        });
    }

    /// <summary>Loads the weights into <paramref name="model"/> (same architecture) and, if given and saved, the optimiser's state.</summary>
    public static CheckpointInfo Load(string path, nn.Module model, OptimizerHelper? optimizer = null)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"No checkpoint at {path}: train with TrainingOptions.CheckpointDirectory set, or check the path.", path);
        using var stream = File.OpenRead(path);
        using var reader = new BinaryReader(stream);
        var info = ReadHeader(reader, path, out var hasOptimizer);
        if (info.Model != model.GetName())
            throw new InvalidDataException($"{path} holds a {info.Model}, not a {model.GetName()}: build the same architecture before loading.");
        try
        {
            model.load(reader);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"{path} does not fit this {model.GetName()} (different widths, classes or input?): {e.Message}", e);
        }
        if (optimizer is not null && hasOptimizer) optimizer.load_state_dict(reader);
        return info;
    }

    /// <summary>Reads only the header: model name and training history.</summary>
    public static CheckpointInfo ReadInfo(string path)
    {
        using var reader = new BinaryReader(File.OpenRead(path));
        return ReadHeader(reader, path, out _);
    }

    private static CheckpointInfo ReadHeader(BinaryReader reader, string path, out bool hasOptimizer)
    {
        try
        {
            if (reader.ReadString() != Magic) throw new InvalidDataException($"{path} is not a DlCourse checkpoint.");
            var version = reader.ReadInt32();
            if (version != Version) throw new InvalidDataException($"{path} is checkpoint version {version}; this library reads version {Version}.");
            var info = JsonSerializer.Deserialize<CheckpointInfo>(reader.ReadString(), TrainingHistory.Json) ?? throw new InvalidDataException($"{path} has an empty header.");
            hasOptimizer = reader.ReadBoolean();
            return info;
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException($"{path} is truncated.", e);
        }
    }
}
