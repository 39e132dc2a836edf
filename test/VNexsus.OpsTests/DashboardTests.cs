using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using VNexsus.Api.Auth;
using VNexsus.Hosting;
using VNexsus.Testing;

namespace VNexsus.OpsTests;

/// <summary>The Orleans dashboard at /dashboard: open in the embedded default, behind an operator key everywhere else.</summary>
public sealed class DashboardTests
{
    [Fact]
    public async Task The_embedded_default_serves_the_dashboard_without_credentials_under_its_own_policy()
    {
        await using var api = await ApiServer.StartAsync();

        var page = await api.Http.GetAsync("/dashboard/");
        var html = await page.Content.ReadAsStringAsync();
        var counters = await api.Http.GetAsync("/dashboard/DashboardCounters");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<title>Orleans Dashboard</title>", html, StringComparison.Ordinal);
        Assert.Equal(OperatorSignIn.DashboardContentSecurityPolicy, page.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal(HttpStatusCode.OK, counters.StatusCode);
        Assert.Equal(SecurityHeaders.DefaultContentSecurityPolicy, (await api.Http.GetAsync("/health/live")).Headers.GetValues("Content-Security-Policy").Single());
    }
}

/// <summary>With API keys the dashboard answers on the operator port only, to an operator key only.</summary>
public sealed class DashboardAccessTests : OwnServerTest
{
    private string _operatorKey = "";
    private string _tenantKey = "";

    [Theory]
    [InlineData("/dashboard/")]
    [InlineData("/dashboard/DashboardCounters")]
    [InlineData("/dashboard/index.min.js")]
    public async Task Without_a_key_the_dashboard_is_401_and_with_an_operator_key_200(string path)
    {
        using var anonymous = Server.OperatorClientFor(null);
        using var operatorKey = Server.OperatorClientFor(_operatorKey);
        using var headerKey = Server.OperatorClientFor(null);
        headerKey.DefaultRequestHeaders.Add(TenantAuthenticationHandler.ApiKeyHeader, _operatorKey);

        var refused = await anonymous.GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("UNAUTHORIZED", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, (await operatorKey.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await headerKey.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task The_public_port_answers_404_even_to_an_operator_key()
    {
        using var publicPort = Server.ClientFor(_operatorKey);

        Assert.Equal(HttpStatusCode.NotFound, (await publicPort.GetAsync("/dashboard/")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await publicPort.GetAsync("/dashboard/DashboardCounters")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await publicPort.PostAsync(OperatorSignIn.SessionPath, KeyForm(_operatorKey))).StatusCode);
    }

    [Fact]
    public async Task A_tenant_key_never_opens_the_dashboard_and_an_operator_key_never_opens_a_tenants_documents()
    {
        using var tenantAtDashboard = Server.OperatorClientFor(_tenantKey);
        using var operatorAtApi = Server.ClientFor(_operatorKey);

        var dashboard = await tenantAtDashboard.GetAsync("/dashboard/DashboardCounters");
        var session = await operatorAtApi.GetAsync("/api/session");
        var status = await operatorAtApi.GetAsync($"/api/ocr/status/{Guid.NewGuid()}");
        var signIn = await Server.Http.PostAsJsonAsync("/api/session", new { key = _operatorKey });

        Assert.Equal(HttpStatusCode.Forbidden, dashboard.StatusCode);
        Assert.Equal("FORBIDDEN", (await dashboard.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, session.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, status.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, signIn.StatusCode);
        Assert.False(signIn.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task A_browser_signs_in_with_the_form_and_gets_an_httponly_cookie_limited_to_the_dashboard()
    {
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = Server.OperatorAddress };
        browser.DefaultRequestHeaders.Accept.ParseAdd("text/html");

        var form = await browser.GetAsync("/dashboard/");
        var wrong = await browser.PostAsync(OperatorSignIn.SessionPath, KeyForm(_tenantKey));
        var signedIn = await browser.PostAsync(OperatorSignIn.SessionPath, KeyForm(_operatorKey));

        Assert.Equal(HttpStatusCode.Unauthorized, form.StatusCode);
        Assert.Contains($"action=\"{OperatorSignIn.SessionPath}\"", await form.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Contains("role=\"alert\"", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(wrong.Headers.Contains("Set-Cookie"));
        Assert.Equal(HttpStatusCode.SeeOther, signedIn.StatusCode);
        Assert.Equal("/dashboard/", signedIn.Headers.Location?.OriginalString);
        var cookie = signedIn.Headers.GetValues("Set-Cookie").Single();
        Assert.StartsWith($"{TenantAuthenticationHandler.SessionCookie}={_operatorKey};", cookie, StringComparison.Ordinal);
        Assert.Contains("path=/dashboard", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);

        using var withCookie = new HttpRequestMessage(HttpMethod.Get, "/dashboard/") { Headers = { { "Cookie", $"{TenantAuthenticationHandler.SessionCookie}={_operatorKey}" } } };
        Assert.Equal(HttpStatusCode.OK, (await browser.SendAsync(withCookie)).StatusCode);
    }

    [Fact]
    public async Task A_revoked_operator_key_is_refused_at_its_next_request()
    {
        var key = await IssueOperatorKeyAsync();
        using var client = Server.OperatorClientFor(key);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/dashboard/DashboardCounters")).StatusCode);

        var keyId = key.Split('_')[1];
        Assert.Equal(0, await KeyCommand.RunAsync(["revoke", keyId, $"--VNexsus:DataDir={DataDirectory.Path}"], TextWriter.Null, TextWriter.Null));

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/dashboard/DashboardCounters")).StatusCode);
    }

    [Fact]
    public async Task Metrics_and_health_stay_without_a_key_on_the_operator_port()
    {
        using var anonymous = Server.OperatorClientFor(null);

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health")).StatusCode);
    }

    [Fact]
    public async Task The_key_command_lists_an_operator_key_as_the_operators_not_a_tenant()
    {
        using var list = new StringWriter();

        Assert.Equal(0, await KeyCommand.RunAsync(["list", $"--VNexsus:DataDir={DataDirectory.Path}"], list, TextWriter.Null));

        Assert.Matches($"{_operatorKey.Split('_')[1]}\t-\t.*\tactive\toperator\n", list.ToString());
        Assert.Matches($"{_tenantKey.Split('_')[1]}\tacme\t.*\tactive\ttenant\n", list.ToString());
        Assert.Equal(2, await KeyCommand.RunAsync(["issue", "--operator", "--tenant", "acme", $"--VNexsus:DataDir={DataDirectory.Path}"], TextWriter.Null, TextWriter.Null));
    }

    protected override async Task<string[]> SettingsAsync()
    {
        _operatorKey = await IssueOperatorKeyAsync();
        _tenantKey = (await ApiKeyStore.In(DataDirectory.Path, TimeProvider.System).IssueAsync("acme")).Key;
        return ["--VNexsus:Auth:Mode=ApiKeys", $"--VNexsus:OperatorUrls=http://127.0.0.1:{FreePort.Next()}"];
    }

    private async Task<string> IssueOperatorKeyAsync()
    {
        using var output = new StringWriter();
        Assert.Equal(0, await KeyCommand.RunAsync(["issue", "--operator", $"--VNexsus:DataDir={DataDirectory.Path}"], output, TextWriter.Null));
        return output.ToString().Trim();
    }

    private static FormUrlEncodedContent KeyForm(string key) => new([new KeyValuePair<string, string>("key", key)]);
}
