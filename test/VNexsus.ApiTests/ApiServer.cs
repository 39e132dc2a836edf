using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VNexsus.Api;
using VNexsus.Hosting;
using VNexsus.Testing;

namespace VNexsus.ApiTests;

/// <summary>The real API (embedded mode, co-hosted silo) on a real Kestrel listener on a free loopback port.</summary>
public sealed class ApiServer : IAsyncDisposable
{
    /// <summary>A small per-file limit so the size check can be exercised without 100 MB of test data.</summary>
    public const long MaxFileBytes = 1024 * 1024;

    private readonly WebApplication _app;

    private ApiServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
        Http = ClientFor(null);
    }

    public Uri Address { get; }

    public HttpClient Http { get; }

    /// <summary>A client of the API that sends <paramref name="apiKey"/> as a bearer token (none when null); the caller disposes it.</summary>
    public HttpClient ClientFor(string? apiKey)
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(60) };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Authorization = new("Bearer", apiKey);
        }

        return client;
    }

    /// <summary>The host's services (the cluster client among them), for tests that look inside.</summary>
    public IServiceProvider Services => _app.Services;

    public static async Task<ApiServer> StartAsync(string dataDirectory, string ocrEngine = "None", params string[] settings)
    {
        var ports = FreePort.Many(2);
        var app = ApiHost.Build(
        [
            $"--VNexsus:Ocr:Engine={ocrEngine}",
            "--urls", "http://127.0.0.1:0",
            $"--VNexsus:DataDir={dataDirectory}",
            $"--VNexsus:Logging:Directory={Path.Combine(dataDirectory, "logs")}",
            $"--VNexsus:SiloPort={ports[0]}",
            $"--VNexsus:GatewayPort={ports[1]}",
            $"--VNexsus:Upload:MaxFileBytes={MaxFileBytes}",
            .. settings, // last, so a test's settings win over these defaults
        ]);
        await app.StartAsync();
        var operatorPorts = OperatorAccess.PortsOf(app.Services.GetRequiredService<IOptions<VNexsusOptions>>().Value.OperatorUrls);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First(a => !operatorPorts.Contains(new Uri(a).Port));
        return new ApiServer(app, new Uri(address));
    }

    public async Task<JsonElement> WaitForStatusAsync(string jobId, params string[] statuses) =>
        await Eventually.Until(
            async () => await Http.GetFromJsonAsync<JsonElement>($"/api/ocr/status/{jobId}"),
            status => statuses.Contains(status.GetProperty("status").GetString()),
            $"job {jobId} to reach {string.Join(" or ", statuses)}");

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
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
