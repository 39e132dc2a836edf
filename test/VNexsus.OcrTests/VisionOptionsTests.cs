using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VNexsus.Ocr.Engines;
using VNexsus.Ocr.Engines.Vision;
using VNexsus.Testing;

using VNexsus.Testing.Vision;

namespace VNexsus.OcrTests;

public sealed class VisionOptionsTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void The_defaults_match_the_specification()
    {
        var options = new VisionOptions();

        Assert.True(options.Enabled);
        Assert.Equal("https://vision.googleapis.com/", options.Endpoint);
        Assert.Null(options.ApiKey);
        Assert.Null(options.CredentialsFile);
        Assert.Equal(TimeSpan.FromSeconds(30), options.Timeout);
        Assert.Equal(3, options.MaxAttempts);
        Assert.Equal(TimeSpan.FromSeconds(1), options.BaseDelay);
        Assert.Equal(TimeSpan.FromSeconds(10), options.MaxDelay);
        Assert.Equal(600, options.RequestsPerMinute);
        Assert.Equal("VNexsus:Ocr:Vision", VisionOptions.SectionName);
    }

    [Fact]
    public void An_api_key_alone_is_valid()
    {
        Assert.True(Validate(new VisionOptions { ApiKey = "k" }).Succeeded);
    }

    [Fact]
    public void A_credentials_file_alone_is_valid_when_it_exists()
    {
        var path = Path.Combine(_directory.Path, "key.json");
        File.WriteAllText(path, "{}");

        Assert.True(Validate(new VisionOptions { CredentialsFile = path }).Succeeded);
    }

    [Fact]
    public void Neither_credential_is_refused_with_a_message_naming_both_keys()
    {
        var result = Validate(new VisionOptions());

        Assert.True(result.Failed);
        Assert.Contains("VNexsus:Ocr:Vision:ApiKey", result.FailureMessage);
        Assert.Contains("VNexsus:Ocr:Vision:CredentialsFile", result.FailureMessage);
    }

    [Fact]
    public void Both_credentials_are_refused()
    {
        var path = Path.Combine(_directory.Path, "key.json");
        File.WriteAllText(path, "{}");

        var result = Validate(new VisionOptions { ApiKey = "k", CredentialsFile = path });

        Assert.True(result.Failed);
        Assert.Contains("only one of ApiKey and CredentialsFile", result.FailureMessage);
    }

    [Fact]
    public void A_missing_credentials_file_is_refused()
    {
        var path = Path.Combine(_directory.Path, "absent.json");

        var result = Validate(new VisionOptions { CredentialsFile = path });

        Assert.True(result.Failed);
        Assert.Contains(path, result.FailureMessage);
    }

    [Fact]
    public void A_disabled_engine_needs_no_credentials()
    {
        Assert.True(Validate(new VisionOptions { Enabled = false }).Succeeded);
    }

    [Theory]
    [InlineData(nameof(VisionOptions.Endpoint))]
    [InlineData(nameof(VisionOptions.Timeout))]
    [InlineData(nameof(VisionOptions.MaxAttempts))]
    [InlineData(nameof(VisionOptions.MaxDelay))]
    [InlineData(nameof(VisionOptions.RequestsPerMinute))]
    public void Out_of_range_settings_are_refused_by_name(string setting)
    {
        var options = new VisionOptions { ApiKey = "k" };
        switch (setting)
        {
            case nameof(VisionOptions.Endpoint): options.Endpoint = "vision.googleapis.com"; break;
            case nameof(VisionOptions.Timeout): options.Timeout = TimeSpan.Zero; break;
            case nameof(VisionOptions.MaxAttempts): options.MaxAttempts = 0; break;
            case nameof(VisionOptions.MaxDelay): options.MaxDelay = TimeSpan.FromMilliseconds(10); break;
            case nameof(VisionOptions.RequestsPerMinute): options.RequestsPerMinute = 0; break;
        }

        var result = Validate(options);

        Assert.True(result.Failed);
        Assert.Contains($"VNexsus:Ocr:Vision:{setting}", result.FailureMessage);
    }

    [Fact]
    public void The_registration_binds_the_section_and_resolves_the_engine()
    {
        using var provider = Provider(new Dictionary<string, string?>
        {
            ["VNexsus:Ocr:Vision:ApiKey"] = "synthetic-key",
            ["VNexsus:Ocr:Vision:Timeout"] = "00:00:05",
            ["VNexsus:Ocr:Vision:MaxAttempts"] = "4",
            ["VNexsus:Ocr:Vision:RequestsPerMinute"] = "120",
            ["VNexsus:Ocr:Vision:Endpoint"] = "http://127.0.0.1:9/",
        });

        provider.GetRequiredService<IStartupValidator>().Validate();
        var options = provider.GetRequiredService<IOptions<VisionOptions>>().Value;
        Assert.Equal("synthetic-key", options.ApiKey);
        Assert.Equal(TimeSpan.FromSeconds(5), options.Timeout);
        Assert.Equal(4, options.MaxAttempts);
        Assert.Equal(120, options.RequestsPerMinute);
        Assert.Equal("http://127.0.0.1:9/", options.Endpoint);

        var engine = provider.GetRequiredKeyedService<IOcrEngine>(VisionOcrEngine.ServiceKey);
        Assert.Same(provider.GetRequiredService<VisionOcrEngine>(), engine);
        Assert.Equal(VisionOcrEngine.EngineProfile, engine.Profile);
        var gate = Assert.IsType<GrainRateGate>(provider.GetRequiredKeyedService<IOcrRateGate>(VisionOcrEngine.ServiceKey));
        Assert.Equal("vision", gate.Service);
        Assert.Equal(120, gate.PerMinute);
        Assert.Null(provider.GetService<IOcrEngine>());
    }

    [Fact]
    public void Start_up_validation_reports_missing_credentials()
    {
        using var provider = Provider(new Dictionary<string, string?> { ["VNexsus:Ocr:Vision:Timeout"] = "00:00:05" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("no credentials", error.Message);
    }

    [Fact]
    public async Task The_registered_engine_reads_a_page_from_the_fake_server_through_its_own_http_client()
    {
        await using var server = await FakeVisionServer.StartAsync();
        var gate = new CountingRateGate();
        using var provider = Provider(
            new Dictionary<string, string?>
            {
                ["VNexsus:Ocr:Vision:ApiKey"] = "synthetic-key",
                ["VNexsus:Ocr:Vision:Endpoint"] = server.Endpoint.AbsoluteUri,
            },
            services => services.AddKeyedSingleton<IOcrRateGate>(VisionOcrEngine.ServiceKey, gate));

        var engine = provider.GetRequiredKeyedService<IOcrEngine>(VisionOcrEngine.ServiceKey);
        var page = await engine.RecognizeAsync(
            new PageImage(Fixtures.Bytes(Fixtures.ScanJpeg), "image/jpeg", SampleAnnotation.Width, SampleAnnotation.Height), CancellationToken.None);

        Assert.Equal(SampleAnnotation.Expected.Length, page.Blocks.Count);
        Assert.Equal("synthetic-key", Assert.Single(server.Requests).ApiKey);
        Assert.Equal(1, gate.Calls);
    }

    private static ValidateOptionsResult Validate(VisionOptions options) => new VisionOptionsValidator().Validate(null, options);

    private static ServiceProvider Provider(Dictionary<string, string?> settings, Action<IServiceCollection>? before = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(FakeGrainFactory.Create().Factory);
        before?.Invoke(services);
        services.AddVisionOcrEngine(configuration.GetSection(VisionOptions.SectionName));
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
