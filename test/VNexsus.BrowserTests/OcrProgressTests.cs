using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using UglyToad.PdfPig.Writer;
using VNexsus.Testing;
using static Microsoft.Playwright.Assertions;

namespace VNexsus.BrowserTests;

/// <summary>
/// A scan read by Tesseract: the page shows each page recognised as the OCR grain reports it (pushed over the progress
/// stream, not estimated in the browser), and a running job can be cancelled from the page.
/// </summary>
public sealed class OcrProgressTests(OcrWebServer server) : IClassFixture<OcrWebServer>
{
    /// <summary>
    /// Records every distinct text of the job's stage and of its file list. The OCR stages are transient (three pages
    /// take a few seconds), so the test asserts on what went by, not on what the page shows at one moment.
    /// </summary>
    private const string RecordStages = """
        window.jobStages = [];
        window.fileStages = [];
        const record = (list, id) => {
          const text = document.getElementById(id)?.innerText;
          if (text && list.at(-1) !== text) list.push(text);
        };
        new MutationObserver(() => {
          record(window.jobStages, 'job-stage');
          record(window.fileStages, 'job-files');
        }).observe(document, { subtree: true, childList: true, characterData: true });
        """;

    [Fact]
    public async Task A_scan_shows_each_page_recognised_as_the_server_reports_it()
    {
        var page = await server.NewPageAsync();
        await page.AddInitScriptAsync(RecordStages);
        await page.GotoAsync("/");
        await page.Locator("#file-input").SetInputFilesAsync(new FilePayload { Name = "스캔기록.pdf", MimeType = "application/pdf", Buffer = Unique(Fixtures.Bytes(Fixtures.ScannedPdf)) });
        await page.GetByRole(AriaRole.Button, new() { Name = "분석 시작" }).ClickAsync();

        await Expect(page.Locator("#job-stage")).ToHaveTextAsync("완료", new() { Timeout = 240_000 });

        var jobStages = await page.EvaluateAsync<string[]>("() => window.jobStages");
        Assert.True(jobStages.Any(s => s.Contains("OCR 페이지", StringComparison.Ordinal)), $"job stages seen: {string.Join(" | ", jobStages)}");
        var stages = await page.EvaluateAsync<string[]>("() => window.fileStages");
        var pagesDone = stages.Select(s => Regex.Match(s, @"OCR 페이지 (\d) / 3")).Where(m => m.Success).Select(m => int.Parse(m.Groups[1].Value)).ToList();
        Assert.True(pagesDone.Count > 0 && pagesDone.Min() < 3, $"pages seen: {string.Join(" | ", stages)}");
        Assert.Equal(pagesDone.Order(), pagesDone);
        Assert.Contains("OCR로 읽음 · 3쪽", stages[^1]);

        // The evidence of a scanned event shows what the OCR corrected in the quoted lines (a code read twice).
        await page.Locator("#timeline-body tr.event", new() { HasText = "E11.9" }).First.Locator("button").ClickAsync();
        await Expect(page.Locator("#page-image")).ToHaveAttributeAsync("data-loaded", "true");
        await Expect(page.Locator("#evidence-box")).ToBeVisibleAsync();
        await Expect(page.Locator("#evidence-corrections")).ToContainTextAsync("E11.9");
        await page.ScreenshotAsync(new() { Path = Artifacts.PathFor("11-scan-evidence.png") });
    }

    [Fact]
    public async Task A_running_job_can_be_cancelled_from_the_page()
    {
        var scan = Fixtures.Bytes(Fixtures.ScannedPdf);
        var page = await server.NewPageAsync();
        await page.GotoAsync("/");
        await page.Locator("#file-input").SetInputFilesAsync(new FilePayload { Name = "긴 스캔.pdf", MimeType = "application/pdf", Buffer = Unique(PdfMerger.Merge([scan, scan, scan, scan])) });
        await page.GetByRole(AriaRole.Button, new() { Name = "분석 시작" }).ClickAsync();
        await Expect(page.Locator("#job-files li[data-stage=ocr]")).ToHaveCountAsync(1, new() { Timeout = 60_000 });

        await page.GetByRole(AriaRole.Button, new() { Name = "작업 취소" }).ClickAsync();

        await Expect(page.Locator("#job-stage")).ToHaveTextAsync("취소됨");
        await Expect(page.Locator("#job-error")).ToContainTextAsync("취소된 작업입니다.");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "작업 취소" })).ToBeHiddenAsync();
        var jobId = Regex.Match(page.Url, "#/jobs/([0-9a-f-]{36})").Groups[1].Value;
        var status = await server.Http.GetFromJsonAsync<JsonElement>($"/api/ocr/status/{jobId}");
        Assert.Equal("cancelled", status.GetProperty("status").GetString());
        await page.ScreenshotAsync(new() { Path = Artifacts.PathFor("07-cancelled.png"), FullPage = true });
    }

    /// <summary>The PDF with a comment appended: other bytes, so no earlier extraction is served from the cache.</summary>
    private static byte[] Unique(byte[] pdf) => [.. pdf, .. Encoding.ASCII.GetBytes($"\n%{Guid.NewGuid():N}\n")];
}
