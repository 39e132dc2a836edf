using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using VNexsus.Api.Auth;
using VNexsus.Testing;

namespace VNexsus.ApiTests;

/// <summary>
/// With API keys: a job is its tenant's alone — another tenant's ids answer exactly like ids that do not exist — and a
/// missing, wrong or revoked key is 401. The keys are issued with the real key command before the server starts.
/// </summary>
public sealed class TenantTests() : OwnServerTest()
{
    private readonly int _operatorPort = FreePort.Next();
    private string _acmeKey = null!;
    private string _otherKey = null!;

    [Fact]
    public async Task Another_tenant_gets_404_for_every_endpoint_of_a_job_exactly_as_for_an_unknown_id()
    {
        using var acme = Server.ClientFor(_acmeKey);
        using var other = Server.ClientFor(_otherKey);
        var pdf = Fixtures.Bytes(Fixtures.OutpatientPdf).Concat(Encoding.ASCII.GetBytes($"\n%{Guid.NewGuid():N}\n")).ToArray();
        var upload = await acme.PostAsync("/api/ocr/upload", new Multipart().File("record.pdf", "application/pdf", pdf).Field("insuranceJoinDate", "2024-06-01").Build());
        Assert.Equal(HttpStatusCode.Accepted, upload.StatusCode);
        var jobId = (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("jobId").GetString()!;
        await Eventually.Until(
            async () => (await acme.GetFromJsonAsync<JsonElement>($"/api/ocr/status/{jobId}")).GetProperty("status").GetString(),
            status => status == "completed",
            "acme's job to complete");
        var unknownId = Guid.NewGuid().ToString();

        string[] endpoints =
        [
            "GET /api/ocr/status/{0}", "GET /api/ocr/result/{0}", "GET /api/ocr/result/{0}?format=text",
            "GET /api/ocr/blocks/{0}?file=1", "GET /api/ocr/blocks/{0}?file=1&page=1", "GET /api/ocr/page-image/{0}/1/1",
            "GET /api/jobs/{0}/report", "GET /api/jobs/{0}/report?format=html&insuranceJoinDate=2023-01-01",
            "GET /api/jobs/{0}/export?format=pdf", "GET /api/jobs/{0}/export?format=json", "GET /api/jobs/{0}/events",
            "DELETE /api/ocr/jobs/{0}",
        ];
        foreach (var endpoint in endpoints)
        {
            var (owner, ownerBody) = await SendAsync(acme, endpoint, jobId);
            var (stranger, strangerBody) = await SendAsync(other, endpoint, jobId);
            var (unknown, unknownBody) = await SendAsync(other, endpoint, unknownId);

            Assert.True(owner is HttpStatusCode.OK or HttpStatusCode.Conflict, $"{endpoint}: the owner got {owner}");
            Assert.Equal(HttpStatusCode.NotFound, stranger);
            Assert.Equal(unknown, stranger);
            Assert.Equal(WithoutRequestId(unknownBody), WithoutRequestId(strangerBody).Replace(jobId, unknownId));
            Assert.DoesNotContain("record.pdf", strangerBody);
        }

        // The stranger's cancel changed nothing: the job is still acme's and completed.
        var status = await acme.GetFromJsonAsync<JsonElement>($"/api/ocr/status/{jobId}");
        Assert.Equal("completed", status.GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_same_idempotency_key_from_two_tenants_starts_two_jobs()
    {
        using var acme = Server.ClientFor(_acmeKey);
        using var other = Server.ClientFor(_otherKey);
        var key = Guid.NewGuid().ToString();
        var text = Fixtures.UniqueText();

        var first = await UploadAsync(acme, text, key);
        var second = await UploadAsync(other, text, key);

        Assert.NotEqual(first.GetProperty("jobId").GetString(), second.GetProperty("jobId").GetString());
        Assert.False(second.TryGetProperty("idempotentReused", out var reused) && reused.GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync($"/api/ocr/status/{second.GetProperty("jobId").GetString()}")).StatusCode);
    }

    [Fact]
    public async Task A_missing_wrong_or_revoked_key_is_401_and_a_valid_one_works_by_header_or_session_cookie()
    {
        using var anonymous = Server.ClientFor(null);
        var missing = await anonymous.GetAsync($"/api/ocr/status/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal("Bearer", missing.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal("UNAUTHORIZED", (await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/ocr/upload", new Multipart().File("a.txt", "text/plain", Fixtures.UniqueText()).Build())).StatusCode);

        // The right key id with a wrong secret, and a key that was never issued.
        var keyId = _acmeKey.Split('_')[1];
        foreach (var wrong in new[] { $"vnx_{keyId}_{Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))}", "vnx_0123456789abcdef_x", "not-a-key" })
        {
            using var client = Server.ClientFor(wrong);
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/session")).StatusCode);
        }

        using var byHeader = new HttpRequestMessage(HttpMethod.Get, "/api/session") { Headers = { { "X-Api-Key", _acmeKey } } };
        var session = await anonymous.SendAsync(byHeader);
        Assert.Equal("acme", (await session.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("tenant").GetString());

        // The web app's sign-in: the key comes back as an HttpOnly, SameSite=Strict cookie that authenticates alone.
        var cookies = new CookieContainer();
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = Server.Address };
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.PostAsJsonAsync("/api/session", new { key = "vnx_wrong_key" })).StatusCode);
        var signIn = await browser.PostAsJsonAsync("/api/session", new { key = _acmeKey });
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        var setCookie = signIn.Headers.GetValues("Set-Cookie").Single();
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/api", setCookie, StringComparison.OrdinalIgnoreCase);
        var upload = await browser.PostAsync("/api/ocr/upload", new Multipart().File("a.txt", "text/plain", Fixtures.UniqueText()).Build());
        Assert.Equal(HttpStatusCode.Accepted, upload.StatusCode);

        // Revoked with the key command: refused at the next request, by header and by cookie alike.
        Assert.Equal(0, await KeyCommand.RunAsync(["revoke", keyId, $"--VNexsus:DataDir={DataDirectory.Path}"], TextWriter.Null, TextWriter.Null));
        using var revoked = Server.ClientFor(_acmeKey);
        Assert.Equal(HttpStatusCode.Unauthorized, (await revoked.GetAsync("/api/session")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/session")).StatusCode);
    }

    [Fact]
    public async Task Metrics_and_health_details_answer_only_on_the_operator_port_and_probes_everywhere()
    {
        using var anonymous = Server.ClientFor(null);
        using var operatorPort = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_operatorPort}") };

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/ready")).StatusCode);

        // The Host header is the client's to choose; the port the connection arrived on is not.
        using var spoofed = new HttpRequestMessage(HttpMethod.Get, "/metrics") { Headers = { Host = $"127.0.0.1:{_operatorPort}" } };
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.SendAsync(spoofed)).StatusCode);

        var metrics = await operatorPort.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
        Assert.Contains("http_request_duration_seconds", await metrics.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await operatorPort.GetAsync("/health")).StatusCode);
    }

    protected override async Task<string[]> SettingsAsync()
    {
        _acmeKey = await IssueAsync("acme");
        _otherKey = await IssueAsync("other");
        return ["--VNexsus:Auth:Mode=ApiKeys", $"--VNexsus:OperatorUrls=http://127.0.0.1:{_operatorPort}"];
    }

    private async Task<string> IssueAsync(string tenant)
    {
        using var output = new StringWriter();
        Assert.Equal(0, await KeyCommand.RunAsync(["issue", "--tenant", tenant, $"--VNexsus:DataDir={DataDirectory.Path}"], output, TextWriter.Null));
        return output.ToString().Trim();
    }

    private static async Task<JsonElement> UploadAsync(HttpClient client, byte[] text, string idempotencyKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/ocr/upload") { Content = new Multipart().File("a.txt", "text/plain", text).Build() };
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<(HttpStatusCode Status, string Body)> SendAsync(HttpClient client, string endpoint, string jobId)
    {
        var parts = string.Format(System.Globalization.CultureInfo.InvariantCulture, endpoint, jobId).Split(' ');
        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(parts[0]), parts[1]), HttpCompletionOption.ResponseHeadersRead);
        // The owner's event stream stays open while the job runs; its first event is all this needs.
        var body = response.Content.Headers.ContentType?.MediaType == "text/event-stream" ? string.Empty : await response.Content.ReadAsStringAsync();
        return (response.StatusCode, body);
    }

    private static string WithoutRequestId(string body) =>
        System.Text.RegularExpressions.Regex.Replace(body, "\"requestId\":\"[^\"]*\"", "\"requestId\":\"\"");
}
