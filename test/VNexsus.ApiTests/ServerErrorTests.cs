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

    [Fact]
    public async Task With_the_extraction_store_unavailable_the_job_still_runs_and_its_file_says_the_cache_was_skipped()
    {
        using var directory = new TemporaryDirectory();
        await using var server = await ApiServer.StartAsync(directory.Path);
        // Nothing can be stored under the extraction store when a file stands in its place.
        var extractions = Path.Combine(directory.Path, "extractions");
        if (Directory.Exists(extractions))
        {
            Directory.Delete(extractions, recursive: true);
        }

        await File.WriteAllTextAsync(extractions, "in the way");

        var upload = await server.Http.PostAsync("/api/ocr/upload", new Multipart()
            .File("record.txt", "text/plain", Fixtures.UniqueText("진료일자: 2024.03.07 가나병원 내과 외래 진료\n진단명: 제2형 당뇨병 (E11.9)"))
            .Build());
        var jobId = (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("jobId").GetString()!;
        await server.WaitForStatusAsync(jobId, "completed");

        var result = await server.Http.GetFromJsonAsync<JsonElement>($"/api/ocr/result/{jobId}");
        var file = result.GetProperty("results").GetProperty("file_1");
        var skipped = file.GetProperty("processingSteps").EnumerateArray().Single(s => s.GetProperty("step").GetString() == "cache");
        Assert.Equal("skipped", skipped.GetProperty("status").GetString());
        Assert.Contains("캐시에 저장하지 않았습니다", skipped.GetProperty("message").GetString());
        Assert.Contains("2024.03.07", file.GetProperty("mergedText").GetString());
        Assert.Equal("2024-03-07", result.GetProperty("events")[0].GetProperty("date").GetString());
        var blocks = await server.Http.GetFromJsonAsync<JsonElement>($"/api/ocr/blocks/{jobId}?file=1&page=1");
        Assert.True(blocks.GetProperty("success").GetBoolean());
        Assert.True(File.Exists(extractions), "nothing was written around the fault");
    }
}
