using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using VNexsus.Testing;

namespace VNexsus.ApiTests;

public sealed class RestartTests
{
    [Fact]
    public async Task A_finished_job_and_its_cache_are_served_after_a_restart()
    {
        using var directory = new TemporaryDirectory();
        var bytes = Fixtures.UniqueText("2024.05.20 외래 진료");
        string jobId;
        string before;
        await using (var first = await ApiServer.StartAsync(directory.Path))
        {
            var response = await first.Http.PostAsync("/api/ocr/upload", new Multipart().File("기록.txt", "text/plain", bytes).Build());
            jobId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("jobId").GetString()!;
            await first.WaitForStatusAsync(jobId, "completed");
            before = await first.Http.GetStringAsync($"/api/ocr/result/{jobId}");
        }

        await using var second = await ApiServer.StartAsync(directory.Path);
        var result = await second.Http.GetAsync($"/api/ocr/result/{jobId}");
        var again = await second.Http.PostAsync("/api/ocr/upload", new Multipart().File("기록.txt", "text/plain", bytes).Build());

        Assert.Equal(HttpStatusCode.OK, result.StatusCode);
        Assert.Equal(before, await result.Content.ReadAsStringAsync());
        Assert.Equal(1, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("cacheStats").GetProperty("fromCache").GetInt32());
    }
}
