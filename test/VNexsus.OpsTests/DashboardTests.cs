using System.Net;

namespace VNexsus.OpsTests;

/// <summary>The Orleans dashboard on the embedded API, at /dashboard.</summary>
public sealed class DashboardTests
{
    [Fact]
    public async Task The_embedded_api_serves_the_orleans_dashboard_at_dashboard()
    {
        await using var api = await OpsApi.StartAsync();

        var page = await api.Http.GetAsync("/dashboard/");
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<html", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Orleans", html, StringComparison.OrdinalIgnoreCase);
    }
}
