using Microsoft.Extensions.Options;
using VNexsus.Ocr.Engines;
using VNexsus.Ocr.Engines.Vision;
using VNexsus.Testing;

using VNexsus.Testing.Vision;

namespace VNexsus.OcrTests;

/// <summary>A fresh fake Vision server per test, and an engine pointed at it with instant retry delays.</summary>
public abstract class VisionTestBase : IAsyncLifetime
{
    public const string ApiKey = "synthetic-api-key-0001";

    private readonly List<HttpClient> _clients = [];

    protected FakeVisionServer Server { get; private set; } = null!;

    protected CountingRateGate Gate { get; } = new();

    protected InstantDelays Delays { get; } = new();

    protected CapturingLogger<VisionOcrEngine> Logger { get; } = new();

    /// <summary>The synthetic scan from test/fixtures: real PNG bytes that must arrive at the server unchanged.</summary>
    protected static PageImage Page { get; } = new(Fixtures.Bytes(Fixtures.ScanPng), "image/png", SampleAnnotation.Width, SampleAnnotation.Height);

    public async Task InitializeAsync() => Server = await FakeVisionServer.StartAsync();

    public async Task DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        await Server.DisposeAsync();
    }

    protected VisionOptions Options(Action<VisionOptions>? configure = null)
    {
        var options = new VisionOptions
        {
            Endpoint = Server.Endpoint.AbsoluteUri,
            ApiKey = ApiKey,
            Timeout = TimeSpan.FromSeconds(20),
            MaxAttempts = 3,
            BaseDelay = TimeSpan.FromSeconds(1),
            MaxDelay = TimeSpan.FromSeconds(10),
        };
        configure?.Invoke(options);
        return options;
    }

    protected VisionOcrEngine Engine(Action<VisionOptions>? configure = null, IVisionAccessTokenSource? tokens = null, IOcrRateGate? gate = null)
    {
        var client = new HttpClient();
        _clients.Add(client);
        return new VisionOcrEngine(client, Microsoft.Extensions.Options.Options.Create(Options(configure)), gate ?? Gate, Logger, tokens, Delays);
    }

    /// <summary>Nothing the engine logged may carry page text, the resident number or the API key.</summary>
    protected void AssertNothingSensitiveLogged()
    {
        foreach (var line in Logger.Lines)
        {
            Assert.DoesNotContain("진료", line);
            Assert.DoesNotContain("800101", line);
            Assert.DoesNotContain("1234567", line);
            Assert.DoesNotContain("E11.9", line);
            Assert.DoesNotContain(ApiKey, line);
        }
    }
}
