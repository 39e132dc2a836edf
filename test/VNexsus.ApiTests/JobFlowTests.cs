using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using VNexsus.Testing;

namespace VNexsus.ApiTests;

/// <summary>Upload → status → result over real HTTP, as a v1 client does it.</summary>
public sealed class JobFlowTests(ApiServerFixture fixture) : IClassFixture<ApiServerFixture>
{
    private ApiServer Server => fixture.Server;

    [Fact]
    public async Task A_text_pdf_completes_with_per_page_text_and_its_korean_name()
    {
        var pdf = UniquePdf();

        var accepted = await UploadAsync(new Multipart().File("진료기록 2024.pdf", "application/pdf", pdf).Field("insuranceJoinDate", "2024-06-01").Field("patientName", "홍길동"));

        var jobId = accepted.GetProperty("jobId").GetString()!;
        Assert.True(Guid.TryParse(jobId, out _));
        Assert.Contains(accepted.GetProperty("status").GetString(), new[] { "queued", "processing", "completed" });
        Assert.Equal($"/api/ocr/status/{jobId}", accepted.GetProperty("statusUrl").GetString());
        Assert.Equal($"/api/ocr/result/{jobId}", accepted.GetProperty("resultUrl").GetString());
        Assert.Equal(6, accepted.GetProperty("estimatedTime").GetInt32());
        AssertCacheStats(accepted, total: 1, fromCache: 0);

        var status = await Server.WaitForStatusAsync(jobId, "completed");
        Assert.Equal(100, status.GetProperty("progress").GetInt32());
        Assert.Equal(1, status.GetProperty("totalFiles").GetInt32());
        Assert.Equal(1, status.GetProperty("processedFiles").GetInt32());
        Assert.NotEqual(JsonValueKind.Null, status.GetProperty("completedAt").ValueKind);
        Assert.EndsWith("초", status.GetProperty("elapsedTime").GetString());

        var response = await Server.Http.GetAsync($"/api/ocr/result/{jobId}");
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(Fixtures.ResidentNumber, text);
        Assert.DoesNotContain("홍길동\"", text);
        var result = JsonDocument.Parse(text).RootElement;
        Assert.Equal("2024-06-01", result.GetProperty("insuranceJoinDate").GetString());
        var file = result.GetProperty("results").GetProperty("file_1");
        Assert.Equal("진료기록 2024.pdf", file.GetProperty("filename").GetString());
        Assert.Equal("pdf_parse_only", file.GetProperty("textSource").GetString());
        Assert.Equal(3, file.GetProperty("pageCount").GetInt32());
        Assert.False(file.GetProperty("fromCache").GetBoolean());
        var pages = file.GetProperty("pages").EnumerateArray().ToList();
        Assert.Equal([1, 2, 3], pages.Select(p => p.GetProperty("page").GetInt32()).ToArray());
        Assert.Contains("진료일자: 2024.03.07 초진", pages[0].GetProperty("text").GetString());
        Assert.Contains("******-*******", file.GetProperty("mergedText").GetString());
        var firstEvent = result.GetProperty("events")[0];
        Assert.Equal("2024-03-07", firstEvent.GetProperty("date").GetString());
        Assert.Equal(1, firstEvent.GetProperty("evidence").GetProperty("page").GetInt32());
        Assert.Equal("진료기록 2024.pdf", firstEvent.GetProperty("evidence").GetProperty("fileName").GetString());
    }

    [Fact]
    public async Task The_same_file_again_comes_from_the_cache()
    {
        var pdf = UniquePdf();
        var first = await UploadAsync(new Multipart().File("a.pdf", "application/pdf", pdf));
        await Server.WaitForStatusAsync(first.GetProperty("jobId").GetString()!, "completed");

        var second = await UploadAsync(new Multipart().File("b.pdf", "application/pdf", pdf).File("c.txt", "text/plain", Fixtures.UniqueText()));

        AssertCacheStats(second, total: 2, fromCache: 1);
        var secondId = second.GetProperty("jobId").GetString()!;
        await Server.WaitForStatusAsync(secondId, "completed");
        var result = await Server.Http.GetFromJsonAsync<JsonElement>($"/api/ocr/result/{secondId}");
        Assert.True(result.GetProperty("results").GetProperty("file_1").GetProperty("fromCache").GetBoolean());
        Assert.False(result.GetProperty("results").GetProperty("file_2").GetProperty("fromCache").GetBoolean());
    }

    [Fact]
    public async Task A_file_name_sent_as_rfc5987_survives_too()
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Fixtures.UniqueText());
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        form.Add(file, "files", "소견서.txt");

        var response = await Server.Http.PostAsync("/api/ocr/upload", form);
        var jobId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("jobId").GetString()!;
        await Server.WaitForStatusAsync(jobId, "completed");

        var result = await Server.Http.GetFromJsonAsync<JsonElement>($"/api/ocr/result/{jobId}");
        Assert.Equal("소견서.txt", result.GetProperty("results").GetProperty("file_1").GetProperty("filename").GetString());
    }

    [Fact]
    public async Task The_text_format_follows_the_v1_separators()
    {
        var accepted = await UploadAsync(new Multipart()
            .File("첫째.txt", "text/plain", Fixtures.UniqueText("2024.01.02 외래"))
            .File("둘째.txt", "text/plain", Fixtures.UniqueText("2024.02.03 검사")));
        var jobId = accepted.GetProperty("jobId").GetString()!;
        await Server.WaitForStatusAsync(jobId, "completed");

        var response = await Server.Http.GetAsync($"/api/ocr/result/{jobId}?format=text");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("\n\n========== 파일: 첫째.txt ==========\n\n2024.01.02 외래\n", text);
        Assert.Contains("\n\n========== 파일: 둘째.txt ==========\n\n2024.02.03 검사\n", text);
    }

    [Fact]
    public async Task A_truncated_pdf_fails_alone_and_the_other_file_completes()
    {
        var truncated = Fixtures.Bytes(Fixtures.TruncatedPdf).Concat(Encoding.ASCII.GetBytes($"%{Guid.NewGuid():N}")).ToArray();
        var accepted = await UploadAsync(new Multipart()
            .File("잘린.pdf", "application/pdf", truncated)
            .File("정상.txt", "text/plain", Fixtures.UniqueText()));
        var jobId = accepted.GetProperty("jobId").GetString()!;

        var status = await Server.WaitForStatusAsync(jobId, "completed", "failed");

        Assert.Equal("partially_failed", status.GetProperty("outcome").GetString());
        var result = await Server.Http.GetFromJsonAsync<JsonElement>($"/api/ocr/result/{jobId}");
        var failed = result.GetProperty("results").GetProperty("file_1");
        Assert.True(failed.GetProperty("error").GetBoolean());
        Assert.False(string.IsNullOrWhiteSpace(failed.GetProperty("errorMessage").GetString()));
        Assert.Equal("", failed.GetProperty("mergedText").GetString());
        Assert.Contains("2024.03.07", result.GetProperty("results").GetProperty("file_2").GetProperty("mergedText").GetString());
    }

    [Fact]
    public async Task A_job_of_scans_fails_with_no_ocr_engine_and_its_result_stays_202()
    {
        var scan = Fixtures.Bytes(Fixtures.ScanPng).Concat(Guid.NewGuid().ToByteArray()).ToArray();
        var accepted = await UploadAsync(new Multipart().File("scan.png", "image/png", scan));
        var jobId = accepted.GetProperty("jobId").GetString()!;

        await Server.WaitForStatusAsync(jobId, "failed");
        var response = await Server.Http.GetAsync($"/api/ocr/result/{jobId}");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("failed", body.GetProperty("status").GetString());
        Assert.Equal("1/1", body.GetProperty("progress").GetString());
    }

    [Theory]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    [InlineData("not-a-job")]
    public async Task An_unknown_job_is_JOB_NOT_FOUND(string jobId)
    {
        foreach (var route in new[] { "status", "result" })
        {
            var response = await Server.Http.GetAsync($"/api/ocr/{route}/{jobId}");

            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("JOB_NOT_FOUND", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        }
    }

    [Fact]
    public async Task Health_reports_the_cluster_and_the_data_directory()
    {
        var response = await Server.Http.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("healthy", body.GetProperty("status").GetString());
        Assert.Equal("healthy", body.GetProperty("checks").GetProperty("cluster").GetProperty("status").GetString());
    }

    private async Task<JsonElement> UploadAsync(Multipart upload)
    {
        var response = await Server.Http.PostAsync("/api/ocr/upload", upload.Build());
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"upload answered {response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    private static void AssertCacheStats(JsonElement accepted, int total, int fromCache)
    {
        var stats = accepted.GetProperty("cacheStats");
        Assert.Equal(total, stats.GetProperty("totalFiles").GetInt32());
        Assert.Equal(fromCache, stats.GetProperty("fromCache").GetInt32());
        Assert.Equal(total - fromCache, stats.GetProperty("processed").GetInt32());
    }

    private static byte[] UniquePdf() => [.. Fixtures.Bytes(Fixtures.OutpatientPdf), .. Encoding.ASCII.GetBytes($"\n%{Guid.NewGuid():N}\n")];
}
