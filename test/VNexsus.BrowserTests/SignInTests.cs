using Microsoft.Playwright;
using VNexsus.Api.Auth;
using static Microsoft.Playwright.Assertions;

namespace VNexsus.BrowserTests;

/// <summary>
/// The web app with API keys on: it asks for a key before anything else, refuses keys that are no tenant's, keeps the
/// accepted one across a reload (HttpOnly cookie, never visible to scripts) and asks again once the key is revoked.
/// </summary>
public sealed class SignInTests(OperatorWebServer server) : IClassFixture<OperatorWebServer>
{
    [Fact]
    public async Task The_app_asks_for_a_tenant_key_keeps_it_across_a_reload_and_asks_again_when_it_is_revoked()
    {
        var keys = ApiKeyStore.In(server.Server.DataDirectory, TimeProvider.System);
        var tenant = await keys.IssueAsync("signin-tenant");
        var operatorKey = (await keys.IssueOperatorKeyAsync()).Key;
        var page = await server.NewPageAsync();

        await page.GotoAsync("/");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "API 키 입력" })).ToBeVisibleAsync();
        await Expect(page.Locator("#view-upload")).ToBeHiddenAsync();

        foreach (var refused in new[] { operatorKey, "vnx_made_up_key" })
        {
            await page.Locator("#signin-key").FillAsync(refused);
            await page.Locator("#signin-submit").ClickAsync();
            await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("키가 올바르지 않거나 폐기되었습니다");
            await Expect(page.Locator("#view-upload")).ToBeHiddenAsync();
        }

        await page.Locator("#signin-key").FillAsync(tenant.Key);
        await page.Locator("#signin-submit").ClickAsync();
        await Expect(page.Locator("#view-upload")).ToBeVisibleAsync();
        await Expect(page.Locator("#signin-key")).ToHaveValueAsync("");
        Assert.Empty(await page.EvaluateAsync<string>("document.cookie"));
        await page.ScreenshotAsync(new() { Path = Artifacts.PathFor("30-signed-in.png") });

        await page.ReloadAsync();
        await Expect(page.Locator("#view-upload")).ToBeVisibleAsync();
        await Expect(page.Locator("#view-signin")).ToBeHiddenAsync();

        await keys.RevokeAsync(tenant.Record.KeyId);
        await page.ReloadAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "API 키 입력" })).ToBeVisibleAsync();
        await Expect(page.Locator("#view-upload")).ToBeHiddenAsync();
    }
}
