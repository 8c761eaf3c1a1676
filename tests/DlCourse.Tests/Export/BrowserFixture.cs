using DlCourse.Cli.Export;

namespace DlCourse.Tests.Export;

/// <summary>One Chromium for all export tests, as a batch export uses it; tests in the collection run one at a time.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public PdfBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync() => Browser = await PdfBrowser.StartAsync();

    public async Task DisposeAsync() => await Browser.DisposeAsync();

    /// <summary>The test's copy of a fixture notebook under Export/Fixtures.</summary>
    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Export", "Fixtures", name);
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "export browser";
}

/// <summary>A fresh folder under the system temp folder, removed afterwards.</summary>
public sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("dlcourse-export-test-").FullName;

    public string this[string relative] => System.IO.Path.Combine(Path, relative);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
