using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using VNexsus.Testing;

namespace VNexsus.ApiTests;

public sealed class ServerErrorTests
{
    [Fact]
    public async Task A_storage_fault_is_SERVER_ERROR_without_details()
    {
        using var directory = new TemporaryDirectory();
        await using var server = await ApiServer.StartAsync(directory.Path);
        // The staging area cannot be created when a file stands in its place: a fault of the server, not of the upload.
        var staging = Path.Combine(directory.Path, "staging");
        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }

        await File.WriteAllTextAsync(Path.Combine(directory.Path, "staging"), "in the way");

        var response = await server.Http.PostAsync("/api/ocr/upload", new Multipart().File("a.txt", "text/plain", Fixtures.UniqueText()).Build());

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("SERVER_ERROR", body.GetProperty("code").GetString());
        Assert.DoesNotContain("staging", body.ToString());
    }
}
