using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VNexsus.Api;
using VNexsus.Api.Auth;
using VNexsus.Testing;

namespace VNexsus.ApiTests;

/// <summary>Security headers, early size refusal and error bodies of the default (loopback, no keys) server.</summary>
public sealed class SecurityTests(ApiServerFixture fixture) : IClassFixture<ApiServerFixture>
{
    private ApiServer Server => fixture.Server;

    [Theory]
    [InlineData("/")]
    [InlineData("/js/app.js")]
    [InlineData("/api/session")]
    [InlineData("/api/ocr/status/00000000-0000-0000-0000-000000000000")]
    [InlineData("/health/live")]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        var response = await Server.Http.GetAsync(path);

        var csp = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("camera=()", response.Headers.GetValues("Permissions-Policy").Single());
        if (path.StartsWith("/api/", StringComparison.Ordinal))
        {
            Assert.True(response.Headers.CacheControl?.NoStore, $"{path} is job data and must not be stored");
        }
    }

    [Fact]
    public async Task Job_data_is_never_stored_and_the_html_report_runs_no_script()
    {
        var upload = await Server.Http.PostAsync("/api/ocr/upload", new Multipart().File("a.txt", "text/plain", Fixtures.UniqueText()).Build());
        var jobId = (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("jobId").GetString()!;
        await Server.WaitForStatusAsync(jobId, "completed");

        foreach (var path in new[] { $"/api/ocr/result/{jobId}", $"/api/jobs/{jobId}/report?format=html", $"/api/jobs/{jobId}/export?format=html", $"/api/ocr/blocks/{jobId}?file=1" })
        {
            var response = await Server.Http.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(response.Headers.CacheControl?.NoStore, path);
        }

        var html = await Server.Http.GetAsync($"/api/jobs/{jobId}/report?format=html");
        var policy = string.Join(' ', html.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", policy);
        Assert.DoesNotContain("script-src", policy);
    }

    [Fact]
    public async Task An_oversized_upload_is_refused_on_its_declared_length_before_the_body_is_sent()
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(Server.Address.Host, Server.Address.Port);
        var stream = tcp.GetStream();
        var head = $"POST /api/ocr/upload HTTP/1.1\r\nHost: {Server.Address.Authority}\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: {100L * 1024 * 1024 * 1024}\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));

        // Not one byte of the 100 GB body is sent: the answer can only come from the headers.
        var answer = await ReadAnswerAsync(stream);

        Assert.StartsWith("HTTP/1.1 400", answer);
        Assert.Contains("\"code\":\"FILE_TOO_LARGE\"", answer);
        Assert.Contains("\"status\":\"error\"", answer);
    }

    [Fact]
    public async Task An_unhandled_exception_answers_SERVER_ERROR_without_type_message_or_path()
    {
        using var data = new TemporaryDirectory();
        var ports = FreePort.Many(2);
        var app = ApiHost.Build(
        [
            "--urls", "http://127.0.0.1:0", $"--VNexsus:DataDir={data.Path}", "--VNexsus:Logging:Directory=", "--VNexsus:Ocr:Engine=None",
            $"--VNexsus:SiloPort={ports[0]}", $"--VNexsus:GatewayPort={ports[1]}",
        ]);
        app.MapGet("/api/test/fault", string () => throw new InvalidOperationException($"cannot open {data.Path}/secret/record.pdf"));
        await app.StartAsync();
        try
        {
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var http = new HttpClient { BaseAddress = new Uri(address) };

            var response = await http.GetAsync("/api/test/fault");
            var body = await response.Content.ReadAsStringAsync();

            Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
            Assert.Equal("SERVER_ERROR", JsonDocument.Parse(body).RootElement.GetProperty("code").GetString());
            foreach (var leak in new[] { "InvalidOperationException", "secret", data.Path, "   at ", ".cs:line" })
            {
                Assert.DoesNotContain(leak, body);
            }
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private static async Task<string> ReadAnswerAsync(NetworkStream stream)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var received = new MemoryStream();
        var buffer = new byte[4096];
        while (!Encoding.UTF8.GetString(received.ToArray()).Contains("FILE_TOO_LARGE", StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer, timeout.Token);
            if (read == 0)
            {
                break;
            }

            received.Write(buffer, 0, read);
        }

        return Encoding.UTF8.GetString(received.ToArray());
    }
}

/// <summary>Per-tenant token buckets: uploads and other requests counted apart, one tenant never slowed by another.</summary>
public sealed class RateLimitTests() : OwnServerTest()
{
    private string _acmeKey = null!;
    private string _otherKey = null!;

    [Fact]
    public async Task Past_its_allowance_a_tenant_gets_429_with_Retry_After_and_other_tenants_and_polls_are_unaffected()
    {
        using var acme = Server.ClientFor(_acmeKey);
        using var other = Server.ClientFor(_otherKey);

        var first = await acme.PostAsync("/api/ocr/upload", new Multipart().File("a.txt", "text/plain", Fixtures.UniqueText()).Build());
        var second = await acme.PostAsync("/api/ocr/upload", new Multipart().File("a.txt", "text/plain", Fixtures.UniqueText()).Build());

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.True(second.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After in seconds");
        var body = await second.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("RATE_LIMITED", body.GetProperty("code").GetString());
        Assert.Equal("error", body.GetProperty("status").GetString());

        // Polls have their own bucket (two a minute here): the refused upload did not use it up.
        var jobId = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("jobId").GetString();
        Assert.Equal(HttpStatusCode.OK, (await acme.GetAsync($"/api/ocr/status/{jobId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await acme.GetAsync($"/api/ocr/status/{jobId}")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await acme.GetAsync($"/api/ocr/status/{jobId}")).StatusCode);

        Assert.Equal(HttpStatusCode.Accepted, (await other.PostAsync("/api/ocr/upload", new Multipart().File("b.txt", "text/plain", Fixtures.UniqueText()).Build())).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/session")).StatusCode);
    }

    protected override async Task<string[]> SettingsAsync()
    {
        _acmeKey = (await ApiKeyStore.In(DataDirectory.Path, TimeProvider.System).IssueAsync("acme")).Key;
        _otherKey = (await ApiKeyStore.In(DataDirectory.Path, TimeProvider.System).IssueAsync("other")).Key;
        return
        [
            "--VNexsus:Auth:Mode=ApiKeys", $"--VNexsus:OperatorUrls=http://127.0.0.1:{FreePort.Next()}",
            "--VNexsus:Auth:RateLimit:UploadsPerMinute=1", "--VNexsus:Auth:RateLimit:RequestsPerMinute=2",
        ];
    }
}

/// <summary>The key store and command, and the start-up checks that keep data off the network without keys.</summary>
public sealed class AccessConfigurationTests
{
    [Fact]
    public async Task The_key_command_issues_lists_and_revokes_and_the_store_keeps_only_hashes()
    {
        using var data = new TemporaryDirectory();
        var setting = $"--VNexsus:DataDir={data.Path}";
        var (issued, key, _) = await RunAsync("issue", "--tenant", "acme", setting);
        Assert.Equal(0, issued);
        Assert.Matches("^vnx_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$", key);
        var keyId = key.Split('_')[1];

        var file = await File.ReadAllTextAsync(Path.Combine(data.Path, "auth", "api-keys.json"));
        Assert.Contains(keyId, file);
        Assert.Contains("\"acme\"", file);
        Assert.Contains(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(key))), file);
        Assert.DoesNotContain(key, file);
        Assert.DoesNotContain(key.Split('_', 3)[2], file);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(data.Path, "auth", "api-keys.json")));
        }

        var (_, listed, _) = await RunAsync("list", setting);
        Assert.Matches($"{keyId}\tacme\t.*\tactive", listed);

        Assert.Equal(0, (await RunAsync("revoke", keyId, setting)).Code);
        Assert.Matches($"{keyId}\tacme\t.*\trevoked", (await RunAsync("list", setting)).Output);
        Assert.Null(ApiKeyStore.In(data.Path, TimeProvider.System).Verify(key));

        Assert.Equal(1, (await RunAsync("revoke", "0000000000000000", setting)).Code);
        Assert.Equal(2, (await RunAsync("issue", "--tenant", "Not A Tenant", setting)).Code);
        Assert.Equal(2, (await RunAsync("issue", setting)).Code);
    }

    [Theory]
    [InlineData("Distributed, no keys", "VNexsus:Auth:Mode=ApiKeys", "--VNexsus:Mode=Distributed", "--ConnectionStrings:Redis=127.0.0.1:6379", "--urls", "http://127.0.0.1:0")]
    [InlineData("a wildcard URL, no keys", "not loopback", "--urls", "http://0.0.0.0:0")]
    [InlineData("a host name, no keys", "not loopback", "--urls", "http://127.0.0.1:0;http://records.example:0")]
    [InlineData("a public operator URL, no keys", "not loopback", "--urls", "http://127.0.0.1:0", "--VNexsus:OperatorUrls=http://*:9090")]
    [InlineData("keys without an operator port", "VNexsus:OperatorUrls", "--VNexsus:Auth:Mode=ApiKeys", "--urls", "http://0.0.0.0:0")]
    [InlineData("an operator URL without a port", "explicit port", "--VNexsus:OperatorUrls=http://127.0.0.1", "--urls", "http://127.0.0.1:0")]
    public void The_API_refuses_to_start_when_data_could_reach_the_network_without_keys(string why, string message, params string[] settings)
    {
        using var data = new TemporaryDirectory();

        var refusal = Assert.Throws<OptionsValidationException>(() => ApiHost.Build([.. settings, $"--VNexsus:DataDir={data.Path}", "--VNexsus:Logging:Directory="]));

        Assert.True(refusal.Message.Contains(message, StringComparison.Ordinal), $"{why}: {refusal.Message}");
    }

    [Fact]
    public async Task Keys_and_an_operator_port_let_the_API_listen_on_every_interface()
    {
        using var data = new TemporaryDirectory();
        var ports = FreePort.Many(4);
        var app = ApiHost.Build(
        [
            "--urls", $"http://0.0.0.0:{ports[0]}", "--VNexsus:Auth:Mode=ApiKeys", $"--VNexsus:OperatorUrls=http://127.0.0.1:{ports[1]}",
            $"--VNexsus:DataDir={data.Path}", "--VNexsus:Logging:Directory=", $"--VNexsus:SiloPort={ports[2]}", $"--VNexsus:GatewayPort={ports[3]}",
        ]);
        await app.DisposeAsync();
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await KeyCommand.RunAsync(args, output, error);
        return (code, output.ToString().Trim(), error.ToString());
    }
}
