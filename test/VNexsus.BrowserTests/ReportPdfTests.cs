using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using VNexsus.Api.Web;
using VNexsus.Rules.Report;
using VNexsus.Testing;

namespace VNexsus.BrowserTests;

public sealed class ReportPdfTests(WebServer server) : IClassFixture<WebServer>
{
    /// <summary>
    /// Every Hangul syllable (11,172; most are composite glyphs in Nanum Gothic) comes out in the PDF and back out of
    /// pdftotext: names and OCR text use rare syllables.
    /// </summary>
    [Fact]
    public async Task Every_Hangul_syllable_is_written_and_extractable()
    {
        var report = await FinishedReportAsync();
        var lines = Enumerable.Range(0xAC00, 11172).Select(c => (char)c).Chunk(40).Select(chunk => new string(chunk)).ToList();
        var big = report with { Warnings = [.. report.Warnings, .. lines] };

        var path = Artifacts.PathFor("many-syllables.pdf");
        await File.WriteAllBytesAsync(path, ReportPdf.Render(big, DateTimeOffset.UtcNow));

        var text = WebAppTests.PdfToText(path).Replace(" ", "", StringComparison.Ordinal);
        Assert.All(lines, line => Assert.Contains(line, text, StringComparison.Ordinal));
        Assert.Contains("본결과는의학적진단이아닙니다.", text, StringComparison.Ordinal);
        var fonts = WebAppTests.Run("pdffonts", path);
        Assert.Contains("CID TrueType", fonts, StringComparison.Ordinal);
        Assert.True(new FileInfo(path).Length < 4_000_000, "the fonts are embedded as subsets");
    }

    private async Task<AnalysisReport> FinishedReportAsync()
    {
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(Fixtures.UniqueText("진료일자: 2024.03.07 가나병원 내과 외래 진료\n진단명: 제2형 당뇨병 (E11.9)"));
        file.Headers.ContentType = new("text/plain");
        content.Add(file, "files", "record.txt");
        var accepted = await (await server.Http.PostAsync("/api/ocr/upload", content)).Content.ReadFromJsonAsync<JsonElement>();
        var jobId = accepted.GetProperty("jobId").GetString();
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) } };
        return await Eventually.Until(
            async () =>
            {
                var response = await server.Http.GetAsync($"/api/jobs/{jobId}/report");
                return response.StatusCode == System.Net.HttpStatusCode.OK
                    ? JsonSerializer.Deserialize<AnalysisReport>(await response.Content.ReadAsStringAsync(), options)
                    : null;
            },
            report => report is not null,
            $"the report of job {jobId}") ?? throw new InvalidOperationException("no report");
    }
}
