using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VNexsus.Api;
using VNexsus.Hosting;
using Xunit;

namespace VNexsus.Testing;

/// <summary>
/// The real API (embedded mode, co-hosted silo) on a real Kestrel listener on a free loopback port: the one harness of
/// every test that talks to it over HTTP. Its data directory is the caller's, or one of its own removed on dispose.
/// </summary>
public sealed class ApiServer : IAsyncDisposable
{
    /// <summary>A small per-file limit so the size check can be exercised without 100 MB of test data.</summary>
    public const long MaxFileBytes = 1024 * 1024;

    private readonly WebApplication _app;
    private readonly TemporaryDirectory? _ownData;

    private ApiServer(WebApplication app, string dataDirectory, TemporaryDirectory? ownData, Uri address, Uri? operatorAddress)
    {
        _app = app;
        DataDirectory = dataDirectory;
        _ownData = ownData;
        Address = address;
        OperatorAddress = operatorAddress;
        Http = ClientFor(null);
    }

    public string DataDirectory { get; }

    /// <summary>The public address (the first URL not on an operator port).</summary>
    public Uri Address { get; }

    /// <summary>The address on <c>VNexsus:OperatorUrls</c>, when the settings name one.</summary>
    public Uri? OperatorAddress { get; }

    /// <summary>A client of <see cref="Address"/> without a key.</summary>
    public HttpClient Http { get; }

    /// <summary>The host's services (the cluster client among them), for tests that look inside.</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>
    /// Starts the API with the given OCR engine (<c>None</c>: the fixtures have text layers), on
    /// <paramref name="dataDirectory"/> or a temporary one of its own; <paramref name="settings"/> (command-line form)
    /// come last, so they win over these defaults; <paramref name="configure"/> changes services before the build.
    /// </summary>
    public static async Task<ApiServer> StartAsync(
        string? dataDirectory = null,
        string ocrEngine = "None",
        IEnumerable<string>? settings = null,
        Action<WebApplicationBuilder>? configure = null)
    {
        var ownData = dataDirectory is null ? new TemporaryDirectory() : null;
        var data = dataDirectory ?? ownData!.Path;
        var ports = FreePort.Many(2);
        var app = ApiHost.Build(
        [
            $"--VNexsus:Ocr:Engine={ocrEngine}",
            "--urls", "http://127.0.0.1:0",
            $"--VNexsus:DataDir={data}",
            $"--VNexsus:Logging:Directory={Path.Combine(data, "logs")}",
            $"--VNexsus:SiloPort={ports[0]}",
            $"--VNexsus:GatewayPort={ports[1]}",
            $"--VNexsus:Upload:MaxFileBytes={MaxFileBytes}",
            .. settings ?? [],
        ], configure);
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            ownData?.Dispose();
            throw;
        }

        var operatorPorts = OperatorAccess.PortsOf(app.Services.GetRequiredService<IOptions<VNexsusOptions>>().Value.OperatorUrls);
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Select(a => new Uri(a)).ToList();
        return new ApiServer(
            app,
            data,
            ownData,
            addresses.First(a => !operatorPorts.Contains(a.Port)),
            addresses.FirstOrDefault(a => operatorPorts.Contains(a.Port)));
    }

    /// <summary>A client of the public address that sends <paramref name="apiKey"/> as a bearer token (none when null); the caller disposes it.</summary>
    public HttpClient ClientFor(string? apiKey) => ClientOf(Address, apiKey);

    /// <summary>A client of the operator address that sends <paramref name="apiKey"/> as a bearer token (none when null); the caller disposes it.</summary>
    public HttpClient OperatorClientFor(string? apiKey) =>
        ClientOf(OperatorAddress ?? throw new InvalidOperationException("The server was started without VNexsus:OperatorUrls."), apiKey);

    public async Task<JsonElement> WaitForStatusAsync(string jobId, params string[] statuses) =>
        await Eventually.Until(
            async () => await Http.GetFromJsonAsync<JsonElement>($"/api/ocr/status/{jobId}"),
            status => statuses.Contains(status.GetProperty("status").GetString()),
            $"job {jobId} to reach {string.Join(" or ", statuses)}");

    /// <summary>Uploads one file and waits for its job to complete; returns the job id.</summary>
    public async Task<string> RunJobAsync(string fileName, string contentType, byte[] bytes)
    {
        using var form = new Multipart().File(fileName, contentType, bytes).Build();
        using var upload = await Http.PostAsync("/api/ocr/upload", form);
        upload.EnsureSuccessStatusCode();
        var jobId = (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("jobId").GetString()!;
        await WaitForStatusAsync(jobId, "completed");
        return jobId;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _ownData?.Dispose();
    }

    private static HttpClient ClientOf(Uri address, string? apiKey)
    {
        var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Authorization = new("Bearer", apiKey);
        }

        return client;
    }
}

/// <summary>One API server and data directory shared by the tests of a class; each test uploads its own files.</summary>
public sealed class ApiServerFixture : IAsyncLifetime
{
    public TemporaryDirectory DataDirectory { get; } = new();

    public ApiServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await ApiServer.StartAsync(DataDirectory.Path);

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        DataDirectory.Dispose();
    }
}

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
