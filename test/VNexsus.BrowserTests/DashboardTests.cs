using System.Text.RegularExpressions;
using Microsoft.Playwright;
using VNexsus.Api.Auth;
using VNexsus.Testing;
using static Microsoft.Playwright.Assertions;

namespace VNexsus.BrowserTests;

/// <summary>
/// The Orleans dashboard in Chromium with API keys: an operator signs in with the form and sees the live cluster under
/// the dashboard's own Content-Security-Policy (no violation); without signing in nothing of it opens, and the public
/// port does not serve it.
/// </summary>
public sealed class DashboardTests(OperatorWebServer server) : IClassFixture<OperatorWebServer>
{
    [Fact]
    public async Task An_operator_signs_in_and_sees_the_live_cluster_with_no_policy_violation()
    {
        var keys = ApiKeyStore.In(server.Server.DataDirectory, TimeProvider.System);
        var operatorKey = (await keys.IssueOperatorKeyAsync()).Key;
        var tenantKey = (await keys.IssueAsync("acme")).Key;
        var page = await server.NewPageAsync(address: server.Server.OperatorAddress);
        var violations = await DashboardPage.WatchPolicyViolationsAsync(page);

        var refused = await page.GotoAsync("/dashboard/");
        Assert.Equal(401, refused!.Status);
        await page.Locator("#key").FillAsync(tenantKey);
        await page.Locator("button[type=submit]").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Artifacts.PathFor("20-dashboard-sign-in-refused.png") });

        await page.Locator("#key").FillAsync(operatorKey);
        await page.Locator("button[type=submit]").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/dashboard/$"));
        await DashboardPage.ExpectLiveClusterAsync(page, "21-dashboard-overview.png", "22-dashboard-silos.png");
        Assert.Empty(await violations());
    }

    [Fact]
    public async Task Without_signing_in_neither_the_page_nor_its_data_open_and_the_public_port_has_no_dashboard()
    {
        var page = await server.NewPageAsync(address: server.Server.OperatorAddress);

        var response = await page.GotoAsync("/dashboard/");
        var counters = await page.APIRequest.GetAsync("/dashboard/DashboardCounters");
        var script = await page.APIRequest.GetAsync("/dashboard/index.min.js");

        Assert.Equal(401, response!.Status);
        await Expect(page.Locator("#key")).ToBeVisibleAsync();
        await Expect(page.GetByText("Orleans Dashboard", new() { Exact = true })).ToHaveCountAsync(0);
        Assert.Equal(401, counters.Status);
        Assert.Equal(401, script.Status);

        // An empty 404 is an error page to Chromium, so the public port is asked the way the page's scripts would.
        var publicPage = await server.NewPageAsync();
        Assert.Equal(404, (await publicPage.APIRequest.GetAsync("/dashboard/")).Status);
    }
}

/// <summary>The embedded default (loopback, no keys): the dashboard opens without a key, with no policy violation.</summary>
public sealed class EmbeddedDashboardTests(WebServer server) : IClassFixture<WebServer>
{
    [Fact]
    public async Task The_dashboard_opens_without_a_key_and_shows_the_live_cluster_with_no_policy_violation()
    {
        var page = await server.NewPageAsync();
        var violations = await DashboardPage.WatchPolicyViolationsAsync(page);

        var response = await DashboardPage.OpenAsync(page);

        Assert.Equal(200, response!.Status);
        await DashboardPage.ExpectLiveClusterAsync(page, "23-dashboard-embedded.png", "24-dashboard-embedded-silos.png");
        Assert.Empty(await violations());
    }
}

internal static class DashboardPage
{
    private const float FirstFiguresTimeout = 90_000;

    /// <summary>
    /// Opens the dashboard without waiting for the page's <c>load</c> event: the figures are awaited, and on a loaded
    /// machine the dashboard's large script may hold <c>load</c> past the navigation timeout.
    /// </summary>
    public static Task<IResponse?> OpenAsync(IPage page) =>
        page.GotoAsync("/dashboard/", new() { WaitUntil = WaitUntilState.DOMContentLoaded, Timeout = FirstFiguresTimeout });

    /// <summary>
    /// Records every Content-Security-Policy violation of the page: the <c>securitypolicyviolation</c> events (an init
    /// script, which the policy does not govern) and Chromium's console errors about the policy.
    /// </summary>
    public static async Task<Func<Task<IReadOnlyList<string>>>> WatchPolicyViolationsAsync(IPage page)
    {
        var console = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                lock (console)
                {
                    console.Add(message.Text);
                }
            }
        };
        await page.AddInitScriptAsync(
            "window.__violations = []; document.addEventListener('securitypolicyviolation', e => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));");
        return async () =>
        {
            var events = await page.EvaluateAsync<string[]>("window.__violations ?? []");
            lock (console)
            {
                return [.. events, .. console];
            }
        };
    }

    /// <summary>The overview counts this cluster's one silo and its activations, and the silos view lists the silo.</summary>
    public static async Task ExpectLiveClusterAsync(IPage page, string overviewScreenshot, string silosScreenshot)
    {
        // The dashboard's first figures wait for its grains to activate and its counters to be gathered, a 3.8 MB script
        // to be compiled, and a poll: once, on a loaded 2-core CI machine, that took more than the usual 20 s.
        await Expect(page.Locator("#content")).ToContainTextAsync(
            new Regex(@"Active Silos\s*1(?!\d)", RegexOptions.IgnoreCase), new() { Timeout = FirstFiguresTimeout });
        await Expect(page.Locator("#content")).ToContainTextAsync(new Regex(@"Total Activations\s*[1-9]", RegexOptions.IgnoreCase));
        await page.ScreenshotAsync(new() { Path = Artifacts.PathFor(overviewScreenshot) });

        await page.Locator("#menu").GetByText("Silos", new() { Exact = true }).ClickAsync();
        await Expect(page.Locator("#content")).ToContainTextAsync(new Regex(@"127\.0\.0\.1"));
        await page.ScreenshotAsync(new() { Path = Artifacts.PathFor(silosScreenshot) });
    }
}
