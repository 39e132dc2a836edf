using Microsoft.Playwright;
using VNexsus.Testing;

// Each class starts its own API process and Chromium; two at once beside another test assembly overloaded a 2-core CI
// machine until pages missed their timeouts, so the classes take turns.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace VNexsus.BrowserTests;

/// <summary>
/// The real API (<see cref="ApiServer"/>: embedded mode, co-hosted silo, OCR engine off — the fixtures have text layers)
/// and Debian's Chromium driven headless by Playwright. Shared by the tests of a class; each test opens its own context.
/// </summary>
public class WebServer : IAsyncLifetime
{
    public ApiServer Server { get; private set; } = null!;

    public Uri Address => Server.Address;

    public HttpClient Http => Server.Http;

    public IPlaywright Playwright { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await ApiServer.StartAsync(ocrEngine: OcrEngine, settings: Settings);

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

    /// <summary>The API's OCR engine.</summary>
    protected virtual string OcrEngine => "None";

    /// <summary>More settings of the API (command-line form).</summary>
    protected virtual IEnumerable<string> Settings => [];

    /// <summary>A fresh browser context (no shared storage) on <paramref name="address"/> (the public one unless given), 1440×900 unless given, Korean locale.</summary>
    public async Task<IPage> NewPageAsync(int width = 1440, int height = 900, Uri? address = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = (address ?? Address).ToString(),
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
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }
    }
}

/// <summary>The same with Tesseract reading scans, to watch their pages being recognised and to cancel them.</summary>
public sealed class OcrWebServer : WebServer
{
    protected override string OcrEngine => "Tesseract";
}

/// <summary>The same with API keys and an operator port, where the dashboard needs an operator key.</summary>
public sealed class OperatorWebServer : WebServer
{
    protected override IEnumerable<string> Settings =>
        ["--VNexsus:Auth:Mode=ApiKeys", $"--VNexsus:OperatorUrls=http://127.0.0.1:{FreePort.Next()}"];
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
