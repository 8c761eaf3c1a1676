using System.Reflection;
using System.Text.Json.Nodes;

namespace DlCourse.Cli.Running;

/// <summary>In the worker: takes the checks the course library recorded during the last cell (<c>DlCourse.CheckLog</c>).</summary>
/// <remarks>The log is internal to the library, so student code, which may not use reflection, cannot read, clear or forge it;
/// the worker reaches it by reflection after each cell. Null when no course library is loaded (a notebook without <c>Check</c>).</remarks>
internal static class LibraryChecks
{
    private const string LibraryName = "DlCourse.Lib", LogType = "DlCourse.CheckLog";

    public static JsonArray? Drain()
    {
        JsonArray? all = null;
        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies())
        {
            if (assembly.IsDynamic || assembly.GetName().Name != LibraryName) continue;
            var drain = assembly.GetType(LogType)?.GetMethod("Drain", BindingFlags.NonPublic | BindingFlags.Static);
            if (drain?.Invoke(null, null) is not string json || JsonNode.Parse(json) is not JsonArray records) continue;
            all ??= [];
            foreach (var record in records.ToList())
            {
                records.Remove(record);
                all.Add(record);
            }
        }
        return all;
    }
}
