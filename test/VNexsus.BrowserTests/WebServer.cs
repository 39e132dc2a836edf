using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using VNexsus.Api;
using VNexsus.Testing;

namespace VNexsus.BrowserTests;

/// <summary>
/// The real API (embedded mode, co-hosted silo, OCR engine off: the fixtures have text layers) on a free loopback port,
/// and Debian's Chromium driven headless by Playwright. Shared by the tests of a class; each test opens its own context.
/// </summary>
public class WebServer : IAsyncLifetime
{
    private WebApplication? _app;

    public TemporaryDirectory DataDirectory { get; } = new();

    public Uri Address { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public IPlaywright Playwright { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var ports = FreePort.Many(2);
        _app = ApiHost.Build(
        [
            .. OcrSettings,
            "--urls", "http://127.0.0.1:0",
            $"--VNexsus:DataDir={DataDirectory.Path}",
            $"--VNexsus:Logging:Directory={Path.Combine(DataDirectory.Path, "logs")}",
            $"--VNexsus:SiloPort={ports[0]}",
            $"--VNexsus:GatewayPort={ports[1]}",
        ]);
        await _app.StartAsync();
        Address = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        Http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(60) };

        // The machine is shared: assertions wait on their condition up to 20 s (not Playwright's 5 s) before failing.
        Assertions.SetDefaultExpectTimeout(20_000);
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
        });
    }

    /// <summary>The OCR settings of the API (command-line form).</summary>
    protected virtual IEnumerable<string> OcrSettings => ["--VNexsus:Ocr:Engine=None"];

    /// <summary>A fresh browser context (no shared storage), 1440×900 unless given, Korean locale.</summary>
    public async Task<IPage> NewPageAsync(int width = 1440, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Address.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "ko-KR",
            AcceptDownloads = true,
        });
        context.SetDefaultTimeout(20_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        Playwright?.Dispose();
        Http?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        DataDirectory.Dispose();
    }
}

/// <summary>The same with Tesseract reading scans, to watch their pages being recognised and to cancel them.</summary>
public sealed class OcrWebServer : WebServer
{
    protected override IEnumerable<string> OcrSettings => ["--VNexsus:Ocr:Engine=Tesseract"];
}

/// <summary>Where screenshots and downloads go: <c>artifacts/browser-tests</c> at the repository root.</summary>
public static class Artifacts
{
    public static string Directory { get; } = Find();

    public static string PathFor(string name) => System.IO.Path.Combine(Directory, name);

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "VNexsus.Orleans.sln")))
            {
                return System.IO.Directory.CreateDirectory(System.IO.Path.Combine(directory.FullName, "artifacts", "browser-tests")).FullName;
            }
        }

        return System.IO.Directory.CreateDirectory(System.IO.Path.Combine(AppContext.BaseDirectory, "artifacts", "browser-tests")).FullName;
    }
}
