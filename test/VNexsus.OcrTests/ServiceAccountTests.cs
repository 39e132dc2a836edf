using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using VNexsus.Ocr.Engines;
using VNexsus.Ocr.Engines.Vision;
using VNexsus.Testing;

using VNexsus.Testing.Vision;

namespace VNexsus.OcrTests;

/// <summary>
/// The real Google.Apis.Auth path: a synthetic service-account key (fresh RSA key, token_uri on the fake server) is
/// exchanged for a bearer token, which the engine then sends to Vision.
/// </summary>
public sealed class ServiceAccountTests : VisionTestBase, IDisposable
{
    private const string ClientEmail = "ocr-test@vnexsus-synthetic.iam.gserviceaccount.com";

    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task A_service_account_key_yields_a_cloud_vision_bearer_token_that_is_cached()
    {
        var engine = Engine(o => o.ApiKey = null, tokens: new ServiceAccountTokenSource(WriteKeyFile()));

        await engine.RecognizeAsync(Page, CancellationToken.None);
        await engine.RecognizeAsync(Page, CancellationToken.None);

        Assert.Equal(2, Server.Requests.Count);
        Assert.All(Server.Requests, r => Assert.Equal($"Bearer {FakeVisionServer.AccessToken}", r.Authorization));
        Assert.All(Server.Requests, r => Assert.Null(r.ApiKey));
        var tokenRequest = Assert.Single(Server.TokenRequests);
        Assert.Equal("urn:ietf:params:oauth:grant-type:jwt-bearer", tokenRequest.GrantType);
        var claims = JwtClaims(tokenRequest.Assertion!);
        Assert.Equal(ServiceAccountTokenSource.Scope, claims.GetProperty("scope").GetString());
        Assert.Equal(ClientEmail, claims.GetProperty("iss").GetString());
    }

    [Fact]
    public async Task A_key_file_of_another_credential_type_is_a_configuration_error()
    {
        var path = Path.Combine(_directory.Path, "user.json");
        await File.WriteAllTextAsync(path, """{"type":"authorized_user","client_id":"synthetic","client_secret":"synthetic","refresh_token":"synthetic"}""");
        var engine = Engine(o => o.ApiKey = null, tokens: new ServiceAccountTokenSource(path));

        var error = await Assert.ThrowsAsync<OcrEngineException>(() => engine.RecognizeAsync(Page, CancellationToken.None));

        Assert.Equal(OcrFailureKind.Configuration, error.Kind);
        Assert.Empty(Server.Requests);
        Assert.Empty(Server.TokenRequests);
    }

    [Fact]
    public async Task A_refused_grant_is_a_configuration_error_and_is_not_retried()
    {
        Server.EnqueueToken(Replies.Json("""{"error":"invalid_grant","error_description":"Invalid JWT Signature."}""", 400));
        var engine = Engine(o => o.ApiKey = null, tokens: new ServiceAccountTokenSource(WriteKeyFile()));

        var error = await Assert.ThrowsAsync<OcrEngineException>(() => engine.RecognizeAsync(Page, CancellationToken.None));

        Assert.Equal(OcrFailureKind.Configuration, error.Kind);
        Assert.Empty(Server.Requests);
        Assert.Single(Server.TokenRequests);
    }

    private string WriteKeyFile()
    {
        using var rsa = RSA.Create(2048);
        var key = new JsonObject
        {
            ["type"] = "service_account",
            ["project_id"] = "vnexsus-synthetic",
            ["private_key_id"] = "0000000000000000000000000000000000000001",
            ["private_key"] = rsa.ExportPkcs8PrivateKeyPem(),
            ["client_email"] = ClientEmail,
            ["client_id"] = "100000000000000000001",
            ["auth_uri"] = "https://accounts.google.com/o/oauth2/auth",
            ["token_uri"] = Server.TokenUri.AbsoluteUri,
        };
        var path = Path.Combine(_directory.Path, "service-account.json");
        File.WriteAllText(path, key.ToJsonString());
        return path;
    }

    private static JsonElement JwtClaims(string jwt)
    {
        var payload = jwt.Split('.')[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
        return JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(payload))).RootElement.Clone();
    }
}
