using VNexsus.Testing;

namespace VNexsus.ApiTests;

/// <summary>A test class with an API server and data directory of its own, for tests that need their own settings.</summary>
public abstract class OwnServerTest(string ocrEngine = "None") : IAsyncLifetime
{
    protected TemporaryDirectory DataDirectory { get; } = new();

    protected ApiServer Server { get; private set; } = null!;

    public virtual async Task InitializeAsync() => Server = await ApiServer.StartAsync(DataDirectory.Path, ocrEngine, await SettingsAsync());

    public virtual async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        DataDirectory.Dispose();
    }

    /// <summary>More command-line settings for the server, prepared before it starts.</summary>
    protected virtual Task<string[]> SettingsAsync() => Task.FromResult(Array.Empty<string>());
}
