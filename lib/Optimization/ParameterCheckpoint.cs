using System.Text.Json;
using DlCourse.Models;

namespace DlCourse.Optimization;

/// <summary>
/// A <see cref="Model"/>'s parameter vector and its training history in one file, written atomically: what
/// <see cref="Trainer"/> keeps in <see cref="TrainingOptions.CheckpointDirectory"/>.
/// </summary>
public static class ParameterCheckpoint
{
    private const string Magic = "DLCOURSE-PARAMETERS";
    private const int Version = 1;

    public static void Save(string path, Model model, TrainingHistory history)
    {
        AtomicFile.Write(path, stream =>
        {
            using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
            writer.Write(Magic);
            writer.Write(Version);
            writer.Write(model.GetType().Name);
            writer.Write(JsonSerializer.Serialize(history, TrainingHistory.Json));
            writer.Write(model.Parameters.Length);
            foreach (var value in model.Parameters) writer.Write(value);
        });
    }

    /// <summary>Loads the parameters into <paramref name="model"/> (same class and size) and returns the history saved with them.</summary>
    public static TrainingHistory Load(string path, Model model)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"No checkpoint at {path}: train with TrainingOptions.CheckpointDirectory set, or check the path.", path);
        using var reader = new BinaryReader(File.OpenRead(path));
        try
        {
            if (reader.ReadString() != Magic || reader.ReadInt32() != Version) throw new InvalidDataException($"{path} is not a parameter checkpoint of this library.");
            var kind = reader.ReadString();
            if (kind != model.GetType().Name) throw new InvalidDataException($"{path} holds a {kind}, not a {model.GetType().Name}.");
            var history = JsonSerializer.Deserialize<TrainingHistory>(reader.ReadString(), TrainingHistory.Json) ?? throw new InvalidDataException($"{path} has no history.");
            int count = reader.ReadInt32();
            if (count != model.Parameters.Length) throw new InvalidDataException($"{path} has {count} parameters, the model {model.Parameters.Length}.");
            for (int i = 0; i < count; i++) model.Parameters[i] = reader.ReadSingle();
            return history;
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException($"{path} is truncated.", e);
        }
    }
}
