using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using VNexsus.Testing;

namespace VNexsus.ApiTests;

/// <summary>Logs and metrics tell operators what happened without ever carrying document content.</summary>
public sealed class ObservabilityTests() : OwnServerTest()
{
    private const string Sentence = "환자는 어제부터 심한 흉통과 호흡곤란을 호소함";
    private const string SecretFileName = "비밀환자기록-김철수.txt";

    [Fact]
    public async Task Logs_hold_routes_and_ids_but_no_document_text_names_or_resident_numbers()
    {
        var text = $"2024.03.07 외래\n주민등록번호 {Fixtures.ResidentNumber}\n{Sentence}\n{Fixtures.UniqueMarker()}\n";
        var upload = await Server.Http.PostAsync("/api/ocr/upload", new Multipart()
            .File(SecretFileName, "text/plain", Encoding.UTF8.GetBytes(text))
            .Field("patientName", "김철수")
            .Build());
        var jobId = (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("jobId").GetString()!;
        await Server.WaitForStatusAsync(jobId, "completed");
        await Server.Http.GetStringAsync($"/api/ocr/result/{jobId}");
        await Server.Http.GetStringAsync($"/api/ocr/result/{jobId}?format=text");
        await Server.Http.PostAsync("/api/ocr/upload", new Multipart().File(SecretFileName, "application/x-msdownload", Encoding.UTF8.GetBytes(text)).Build());

        var logs = await Eventually.Until(
            ReadLogsAsync,
            content => content.Contains($"/api/ocr/result/{{jobId}}") && content.Contains(jobId),
            "the request and job lines to reach the combined log");

        Assert.Contains("\"Route\":\"/api/ocr/upload\"", logs);
        Assert.Contains("\"RequestId\"", logs);
        Assert.Contains("\"TraceId\"", logs);
        foreach (var secret in new[] { Fixtures.ResidentNumber, "8001011234567", Sentence, "흉통", SecretFileName, "김철수" })
        {
            Assert.DoesNotContain(secret, logs);
        }
    }

    [Fact]
    public async Task Metrics_use_route_templates_and_bounded_labels()
    {
        var upload = await Server.Http.PostAsync("/api/ocr/upload", new Multipart().File("a.txt", "text/plain", Fixtures.UniqueText()).Build());
        var jobId = (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("jobId").GetString()!;
        await Server.WaitForStatusAsync(jobId, "completed");

        var response = await Server.Http.GetAsync("/metrics");
        var metrics = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("http_request_duration_seconds_bucket{method=\"GET\",route=\"/api/ocr/status/{jobId}\",status_code=\"200\"", metrics);
        Assert.Contains("ocr_cache_requests_total{result=\"miss\"}", metrics);
        Assert.Contains("ocr_pages_total{engine=\"direct_text\"}", metrics);
        Assert.Contains("jobs_total{outcome=\"completed\"}", metrics);
        var rulesRun = System.Text.RegularExpressions.Regex.Match(metrics, @"^rule_processing_duration_seconds_count (\d+)", System.Text.RegularExpressions.RegexOptions.Multiline);
        Assert.True(rulesRun.Success && int.Parse(rulesRun.Groups[1].Value) > 0, "the rules ran and were timed");
        Assert.Contains("ocr_processing_duration_seconds_bucket{engine=\"none\",file_type=\"text\",size_class=\"lt_1mb\"", metrics);
        Assert.DoesNotContain(jobId, metrics);
    }

    private async Task<string> ReadLogsAsync()
    {
        var builder = new StringBuilder();
        foreach (var file in Directory.Exists(Path.Combine(DataDirectory.Path, "logs")) ? Directory.GetFiles(Path.Combine(DataDirectory.Path, "logs")) : [])
        {
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            builder.Append(await new StreamReader(stream).ReadToEndAsync());
        }

        return builder.ToString();
    }
}
