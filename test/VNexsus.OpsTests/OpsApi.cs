using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using VNexsus.Api;
using VNexsus.Testing;

namespace VNexsus.OpsTests;

/// <summary>The real API (embedded mode, co-hosted silo) on a free loopback port, with its own data directory.</summary>
internal sealed class OpsApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TemporaryDirectory _data;

    private OpsApi(WebApplication app, TemporaryDirectory data, Uri address)
    {
        _app = app;
        _data = data;
        Http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
    }

    public HttpClient Http { get; }

    public static async Task<OpsApi> StartAsync(string[]? settings = null, Action<WebApplicationBuilder>? configure = null)
    {
        var data = new TemporaryDirectory();
        var app = ApiHost.Build(
        [
            .. settings ?? [],
            "--urls", "http://127.0.0.1:0",
            $"--VNexsus:DataDir={data.Path}",
            $"--VNexsus:Logging:Directory={Path.Combine(data.Path, "logs")}",
            $"--VNexsus:SiloPort={FreePort.Next()}",
            $"--VNexsus:GatewayPort={FreePort.Next()}",
        ], configure);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new OpsApi(app, data, new Uri(address));
    }

    /// <summary>Uploads one file and waits for its job to complete; returns the job id.</summary>
    public async Task<string> RunJobAsync(string fileName, string contentType, byte[] bytes)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new(contentType);
        form.Add(file, "files", fileName);
        var upload = await Http.PostAsync("/api/ocr/upload", form);
        upload.EnsureSuccessStatusCode();
        var jobId = (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("jobId").GetString()!;
        await Eventually.Until(
            async () => (await Http.GetFromJsonAsync<JsonElement>($"/api/ocr/status/{jobId}")).GetProperty("status").GetString(),
            status => status == "completed",
            $"job {jobId} to complete");
        return jobId;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _data.Dispose();
    }
}
