using System.Net.Http.Json;
using System.Text.Json;
using VNexsus.Testing;
using VNexsus.Testing.Vision;

namespace VNexsus.ApiTests;

/// <summary>The whole pipeline with Google Vision as the engine, against a fake Vision server on loopback.</summary>
public sealed class VisionEngineTests() : OwnServerTest(ocrEngine: "Vision")
{
    private FakeVisionServer _vision = null!;

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _vision.DisposeAsync();
    }

    protected override async Task<string[]> SettingsAsync()
    {
        _vision = await FakeVisionServer.StartAsync();
        return
        [
            $"--VNexsus:Ocr:Vision:Endpoint={_vision.Endpoint}",
            "--VNexsus:Ocr:Vision:ApiKey=synthetic-test-key",
            "--VNexsus:Ocr:Vision:BaseDelay=00:00:00.010",
            "--VNexsus:Ocr:Vision:MaxDelay=00:00:00.050",
        ];
    }

    [Fact]
    public async Task A_scan_is_read_by_vision_after_transient_failures()
    {
        _vision.Enqueue(Replies.Unavailable, Replies.TooManyRequests("0"));

        var result = await UploadAndWaitAsync(new Multipart().File("scan.png", "image/png", UniqueScan()));

        var file = result.GetProperty("results").GetProperty("file_1");
        Assert.Equal("ocr_only", file.GetProperty("textSource").GetString());
        Assert.Contains("진료일자: 2024.03.07", file.GetProperty("mergedText").GetString());
        Assert.DoesNotContain("800101-1234567", result.ToString());
        Assert.Equal(3, _vision.Requests.Count);
        Assert.All(_vision.Requests, r => Assert.Equal("synthetic-test-key", r.ApiKey));
        Assert.All(_vision.Requests, r => Assert.Equal("DOCUMENT_TEXT_DETECTION", r.FeatureType));
    }

    [Fact]
    public async Task An_image_vision_refuses_fails_alone_and_the_other_file_completes()
    {
        _vision.Enqueue(Replies.ImageError(3, "Bad image data."));

        var result = await UploadAndWaitAsync(new Multipart()
            .File("broken.png", "image/png", UniqueScan())
            .File("record.txt", "text/plain", Fixtures.UniqueText()));

        var broken = result.GetProperty("results").GetProperty("file_1");
        Assert.True(broken.GetProperty("error").GetBoolean());
        Assert.Equal("OCR_FAILED", broken.GetProperty("errorDetail").GetString());
        Assert.Equal("partially_failed", result.GetProperty("outcome").GetString());
        Assert.Single(_vision.Requests);
    }

    private async Task<JsonElement> UploadAndWaitAsync(Multipart upload)
    {
        var response = await Server.Http.PostAsync("/api/ocr/upload", upload.Build());
        var jobId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("jobId").GetString()!;
        await Server.WaitForStatusAsync(jobId, "completed", "failed");
        return await Server.Http.GetFromJsonAsync<JsonElement>($"/api/ocr/result/{jobId}");
    }

    private static byte[] UniqueScan() => [.. Fixtures.Bytes(Fixtures.ScanPng), .. Guid.NewGuid().ToByteArray()];
}
