using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using VNexsus.Testing;

namespace VNexsus.ApiTests;

/// <summary>
/// A record holding resident numbers as records and OCR write them: none of them comes back from any endpoint or
/// export, nor sits in any file under the data directory, nor in the logs.
/// </summary>
public sealed class ResidentNumberTests : OwnServerTest
{
    private static readonly string[] Variants =
    [
        "800101-1234567", "8001011234567", "800101 - 1234567", "800101–1234567", "800101 1234567",
        "8OO1O1-l234567", "８００１０１－１２３４５６７", "800101-1******",
    ];

    [Fact]
    public async Task No_resident_number_variant_leaves_the_system_in_any_output_file_or_log()
    {
        var lines = Variants.Select((variant, index) => $"2024.03.{index + 1:D2} 내과 외래 진료 주민등록번호 {variant} 환자");
        var text = Encoding.UTF8.GetBytes(string.Join('\n', lines) + $"\n고유번호 {Fixtures.UniqueMarker()}\n");
        var upload = await Server.Http.PostAsync("/api/ocr/upload", new Multipart().File("주민번호.txt", "text/plain", text).Field("insuranceJoinDate", "2024-03-05").Build());
        Assert.Equal(HttpStatusCode.Accepted, upload.StatusCode);
        var jobId = (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("jobId").GetString()!;
        await Server.WaitForStatusAsync(jobId, "completed");

        var outputs = new Dictionary<string, string>();
        foreach (var path in new[]
                 {
                     $"/api/ocr/status/{jobId}", $"/api/ocr/result/{jobId}", $"/api/ocr/result/{jobId}?format=text",
                     $"/api/ocr/blocks/{jobId}?file=1&page=1", $"/api/jobs/{jobId}/report", $"/api/jobs/{jobId}/report?format=text",
                     $"/api/jobs/{jobId}/report?format=html", $"/api/jobs/{jobId}/export?format=json", $"/api/jobs/{jobId}/export?format=html",
                     $"/api/jobs/{jobId}/export?format=text",
                 })
        {
            var response = await Server.Http.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} answered {response.StatusCode}");
            outputs[path] = await response.Content.ReadAsStringAsync();
        }

        var pdf = await Server.Http.GetAsync($"/api/jobs/{jobId}/export?format=pdf");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        outputs["export pdf (pdftotext)"] = await PdfToTextAsync(await pdf.Content.ReadAsByteArrayAsync());

        Assert.Contains(outputs.Values, output => output.Contains("******-*******", StringComparison.Ordinal));
        var files = Directory.EnumerateFiles(DataDirectory.Path, "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}blobs{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToDictionary(f => f, f => Encoding.UTF8.GetString(File.ReadAllBytes(f)));
        foreach (var variant in Variants)
        {
            // JSON files escape non-ASCII characters, so the full-width variant is also looked for escaped.
            var escaped = JsonSerializer.Serialize(variant).Trim('"');
            foreach (var (where, content) in outputs.Concat(files))
            {
                Assert.False(content.Contains(variant, StringComparison.Ordinal) || content.Contains(escaped, StringComparison.Ordinal), $"{variant} found in {where}");
            }
        }
    }

    private static async Task<string> PdfToTextAsync(byte[] pdf)
    {
        using var directory = new TemporaryDirectory();
        var path = Path.Combine(directory.Path, "export.pdf");
        await File.WriteAllBytesAsync(path, pdf);
        using var process = Process.Start(new ProcessStartInfo("pdftotext", ["-enc", "UTF-8", path, "-"]) { RedirectStandardOutput = true })!;
        var text = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.Equal(0, process.ExitCode);
        return text;
    }
}
