namespace DlCourse.Tests.Support;

/// <summary>
/// Tests that run an HTTP server on a port they probed as free run one at a time: Linux often hands the same free port
/// to two probes in a row, and two in-process listeners on one port then answer each other's requests.
/// </summary>
[CollectionDefinition(Name)]
public sealed class LocalServers
{
    public const string Name = "local HTTP servers";
}
