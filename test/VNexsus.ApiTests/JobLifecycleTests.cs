using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using UglyToad.PdfPig.Writer;
using VNexsus.Testing;

namespace VNexsus.ApiTests;

/// <summary>Cancelling jobs and repeating uploads safely, over real HTTP with Tesseract doing real work.</summary>
public sealed class JobLifecycleTests() : OwnServerTest(ocrEngine: "Tesseract")
{
    [Fact]
    public async Task A_cancelled_job_stays_cancelled_and_its_document_can_be_read_again_later()
    {
        var scan = Fixtures.Bytes(Fixtures.ScannedPdf);
        var longScan = PdfMerger.Merge([scan, scan]).Concat(System.Text.Encoding.ASCII.GetBytes($"%{Guid.NewGuid():N}")).ToArray();
        var jobId = await UploadAsync(new Multipart().File("scan.pdf", "application/pdf", longScan));

        var cancelled = await Server.Http.DeleteAsync($"/api/ocr/jobs/{jobId}");

        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal("cancelled", (await cancelled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        var result = await Server.Http.GetAsync($"/api/ocr/result/{jobId}");
        Assert.Equal(HttpStatusCode.Accepted, result.StatusCode);
        Assert.Equal("cancelled", (await result.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await Server.Http.DeleteAsync($"/api/ocr/jobs/{jobId}")).StatusCode);

        // The stopped extraction kept nothing: the same bytes uploaded again are extracted afresh, to the end.
        var againId = await UploadAsync(new Multipart().File("scan.pdf", "application/pdf", longScan));
        await Server.WaitForStatusAsync(againId, "completed");
        var again = await Server.Http.GetFromJsonAsync<JsonElement>($"/api/ocr/result/{againId}");
        Assert.False(again.GetProperty("results").GetProperty("file_1").GetProperty("fromCache").GetBoolean());
        Assert.Equal(6, again.GetProperty("results").GetProperty("file_1").GetProperty("pageCount").GetInt32());
        Assert.Equal("cancelled", (await Server.Http.GetFromJsonAsync<JsonElement>($"/api/ocr/status/{jobId}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_finished_job_cannot_be_cancelled_and_an_unknown_one_is_not_found()
    {
        var jobId = await UploadAsync(new Multipart().File("a.txt", "text/plain", Fixtures.UniqueText()));
        await Server.WaitForStatusAsync(jobId, "completed");

        var finished = await Server.Http.DeleteAsync($"/api/ocr/jobs/{jobId}");
        var unknown = await Server.Http.DeleteAsync($"/api/ocr/jobs/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.Conflict, finished.StatusCode);
        Assert.Equal("CONFLICT", (await finished.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task An_idempotency_key_returns_the_original_job_and_refuses_other_files()
    {
        var key = Guid.NewGuid().ToString();
        var bytes = Fixtures.UniqueText();

        var first = await PostAsync(new Multipart().File("a.txt", "text/plain", bytes), key);
        var repeat = await PostAsync(new Multipart().File("a.txt", "text/plain", bytes), key);
        var other = await Server.Http.SendAsync(Request(new Multipart().File("b.txt", "text/plain", Fixtures.UniqueText()), key));
        var unkeyed = await PostAsync(new Multipart().File("a.txt", "text/plain", bytes), key: null);

        Assert.Equal(first.GetProperty("jobId").GetString(), repeat.GetProperty("jobId").GetString());
        Assert.False(first.GetProperty("idempotentReused").GetBoolean());
        Assert.True(repeat.GetProperty("idempotentReused").GetBoolean());
        Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
        Assert.NotEqual(first.GetProperty("jobId").GetString(), unkeyed.GetProperty("jobId").GetString());
    }

    private async Task<string> UploadAsync(Multipart upload) => (await PostAsync(upload, key: null)).GetProperty("jobId").GetString()!;

    private async Task<JsonElement> PostAsync(Multipart upload, string? key)
    {
        var response = await Server.Http.SendAsync(Request(upload, key));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"upload answered {response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    private static HttpRequestMessage Request(Multipart upload, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/ocr/upload") { Content = upload.Build() };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        return request;
    }
}
