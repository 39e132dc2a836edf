using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using VNexsus.Rules.Report;
using VNexsus.Testing;
using static Microsoft.Playwright.Assertions;

namespace VNexsus.BrowserTests;

/// <summary>
/// The investigator's path through the web app in a real browser: upload the outpatient record, watch the progress
/// pushed by the server reach done, read the timeline, open an event's evidence on the page image, export the report.
/// </summary>
public sealed class WebAppTests(WebServer server) : IClassFixture<WebServer>
{
    /// <summary>The dated events of test/fixtures/outpatient-record.pdf (see its text), in timeline order.</summary>
    private static readonly string[] ExpectedDates =
        ["2024-03-07", "2024-04-08", "2024-05-20", "2024-06-01", "2024-07-15", "2024-08-12", "2024-09-30"];

    [Fact]
    public async Task Upload_progress_timeline_evidence_and_export()
    {
        var page = await server.NewPageAsync();
        var streams = new List<IResponse>();
        page.Response += (_, response) =>
        {
            if (response.Url.Contains("/events", StringComparison.Ordinal))
            {
                streams.Add(response);
            }
        };
        await page.GotoAsync("/");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "의료기록 올리기" })).ToBeVisibleAsync();

        await page.Locator("#file-input").SetInputFilesAsync(Fixtures.PathOf(Fixtures.OutpatientPdf));
        await Expect(page.Locator("#file-list li")).ToHaveCountAsync(1);
        await page.GetByLabel("보험가입일 (선택)").FillAsync("2024-06-01");
        await page.GetByLabel("고지 기간 정책").SelectOptionAsync("3.1.5");
        await page.ScreenshotAsync(new() { Path = Artifacts.PathFor("01-upload.png"), FullPage = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "분석 시작" }).ClickAsync();

        // The job's address carries its id and the review inputs; progress arrives over Server-Sent Events.
        await Expect(page).ToHaveURLAsync(new Regex(@"#/jobs/[0-9a-f-]{36}\?join=2024-06-01&policy=3\.1\.5$"));
        await Expect(page.Locator("#job-stage")).ToHaveTextAsync("완료", new() { Timeout = 60_000 });
        await Expect(page.Locator("#job-progress")).ToHaveJSPropertyAsync("value", 100);
        await Expect(page.Locator("#job-files li[data-status=done]")).ToHaveCountAsync(1);
        Assert.Contains(streams, r => r.Status == 200 && r.Headers["content-type"].StartsWith("text/event-stream", StringComparison.Ordinal));

        // The timeline: one row per dated event, in order, with window markers for the enrollment date.
        var rows = page.Locator("#timeline-body tr.event");
        await Expect(rows).ToHaveCountAsync(ExpectedDates.Length);
        var dates = await rows.EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.date)");
        Assert.Equal(ExpectedDates, dates);
        await Expect(rows.First).ToContainTextAsync("2024.03.07");
        await Expect(rows.First).ToContainTextAsync("가나병원");
        await Expect(rows.First).ToContainTextAsync("E11.9");
        await Expect(page.Locator("#timeline-body tr.marker", new() { HasText = "[보험가입일]" })).ToHaveCountAsync(1);
        await Expect(page.Locator("#warnings")).ToContainTextAsync("본 결과는 의학적 진단이 아닙니다.");
        await Expect(page.Locator("#disclosure-body")).ToContainTextAsync("2024.06.01");
        await Expect(page.Locator("#disclosure-body")).ToContainTextAsync("3.1.5");
        await Expect(page.Locator("#cluster-list li")).ToHaveCountAsync(6);
        await page.ScreenshotAsync(new() { Path = Artifacts.PathFor("02-results.png"), FullPage = true });

        // Filters narrow the rows.
        await page.GetByLabel("고지 기간", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "가입 후(청구사항)" });
        await Expect(rows).ToHaveCountAsync(3);
        await page.GetByLabel("고지 기간", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "전체" });
        await page.GetByLabel("검색").FillAsync("E11");
        await Expect(rows).ToHaveCountAsync(1);
        await page.GetByLabel("검색").FillAsync("");
        await Expect(rows).ToHaveCountAsync(ExpectedDates.Length);

        // Click-to-evidence: the box lies on the page image where the quote's block is.
        await rows.First.ClickAsync();
        var image = page.Locator("#page-image");
        var box = page.Locator("#evidence-box");
        await Expect(image).ToHaveAttributeAsync("data-loaded", "true");
        await Expect(box).ToBeVisibleAsync();
        await Expect(page.Locator("#evidence-quote")).ToContainTextAsync("2024.03.07");
        await Expect(page.Locator("#evidence-source")).ToContainTextAsync("1쪽");
        var jobId = Regex.Match(page.Url, "#/jobs/([0-9a-f-]{36})").Groups[1].Value;
        var blocks = await server.Http.GetFromJsonAsync<JsonElement>($"/api/ocr/blocks/{jobId}?file=1&page=1");
        var pageData = blocks.GetProperty("data").GetProperty("pages")[0];
        var block = pageData.GetProperty("blocks").EnumerateArray().Single(b => b.GetProperty("text").GetString()!.Contains("2024.03.07", StringComparison.Ordinal));
        var bbox = block.GetProperty("bbox");
        var (width, height) = (pageData.GetProperty("width").GetDouble(), pageData.GetProperty("height").GetDouble());
        await box.ScrollIntoViewIfNeededAsync();
        var imageBox = (await image.BoundingBoxAsync())!;
        var highlight = (await box.BoundingBoxAsync())!;
        var scaleX = imageBox.Width / width;
        var scaleY = imageBox.Height / height;
        Assert.InRange(highlight.X, imageBox.X + bbox.GetProperty("xMin").GetDouble() * scaleX - 2, imageBox.X + bbox.GetProperty("xMin").GetDouble() * scaleX + 2);
        Assert.InRange(highlight.Y, imageBox.Y + bbox.GetProperty("yMin").GetDouble() * scaleY - 2, imageBox.Y + bbox.GetProperty("yMin").GetDouble() * scaleY + 2);
        Assert.InRange(highlight.Width, (bbox.GetProperty("xMax").GetDouble() - bbox.GetProperty("xMin").GetDouble()) * scaleX - 2, (bbox.GetProperty("xMax").GetDouble() - bbox.GetProperty("xMin").GetDouble()) * scaleX + 2);
        Assert.InRange(highlight.Height, (bbox.GetProperty("yMax").GetDouble() - bbox.GetProperty("yMin").GetDouble()) * scaleY - 2, (bbox.GetProperty("yMax").GetDouble() - bbox.GetProperty("yMin").GetDouble()) * scaleY + 2);
        Assert.True(scaleX > 0.3, $"the page image is shown at a readable size (scale {scaleX:0.00})");
        await Expect(page.Locator("#slot-list")).ToContainTextAsync("내원일시");
        await page.ScreenshotAsync(new() { Path = Artifacts.PathFor("03-evidence.png") });

        // An event on another page moves the box to that page.
        await rows.Nth(2).Locator("button").ClickAsync();
        await Expect(page.Locator("#evidence-quote")).ToContainTextAsync("2024-05-20");
        await Expect(image).ToHaveAttributeAsync("src", $"/api/ocr/page-image/{jobId}/1/2");
        await Expect(image).ToHaveAttributeAsync("data-loaded", "true");
        await Expect(page.Locator("#detail-title")).ToBeFocusedAsync();

        // No verdict wording in what the app itself writes (verbatim quotes and file names excepted).
        var ownText = await page.EvaluateAsync<string>(
            "() => { const main = document.querySelector('main').cloneNode(true); main.querySelectorAll('.quote, .context, .file-name, #evidence-source').forEach(e => e.remove()); return main.innerText; }");
        Assert.Empty(WordingGuard.Violations(ownText));

        // Exports: PDF (A4, Korean text extractable, header and footer), HTML, JSON, text.
        var pdf = await DownloadAsync(page, "#export-pdf", "report.pdf");
        Assert.EndsWith(".pdf", pdf.SuggestedName, StringComparison.Ordinal);
        Assert.Contains("분석보고서", pdf.SuggestedName, StringComparison.Ordinal);
        var pdfText = PdfToText(pdf.Path);
        Assert.Contains("2024.03.07", pdfText, StringComparison.Ordinal);
        Assert.Contains("가나병원", pdfText, StringComparison.Ordinal);
        Assert.Contains("본 결과는 의학적 진단이 아닙니다.", pdfText, StringComparison.Ordinal);
        Assert.Contains("본 결과는 보험금 지급 여부에 대한 판단이 아닙니다.", pdfText, StringComparison.Ordinal);
        Assert.Contains($"사건 ID: {jobId}", pdfText, StringComparison.Ordinal);
        var pages = pdfText.Split('\f', StringSplitOptions.RemoveEmptyEntries).Where(p => p.Trim().Length > 0).ToList();
        Assert.True(pages.Count >= 2, "the report spans pages");
        Assert.All(pages, p => Assert.Contains($"사건 ID: {jobId}", p, StringComparison.Ordinal));
        Assert.All(pages.Select((p, i) => (p, i)), x => Assert.Matches($@"{x.i + 1}\s*/\s*{pages.Count}\s*$", x.p.TrimEnd()));
        Assert.All(pages, p => Assert.Contains("대외비", p, StringComparison.Ordinal));
        Assert.Contains("(A4)", Run("pdfinfo", pdf.Path), StringComparison.Ordinal);
        var fonts = Run("pdffonts", pdf.Path);
        Assert.Contains("NanumGothic", fonts, StringComparison.Ordinal);
        // Every Nanum font is embedded (pdffonts columns: name type encoding emb sub uni object generation).
        var nanum = fonts.Split('\n').Where(l => l.Contains("Nanum", StringComparison.Ordinal)).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
        Assert.NotEmpty(nanum);
        Assert.All(nanum, columns => Assert.Equal("yes", columns[^5]));

        var html = await DownloadAsync(page, "#export-html", "report.html");
        Assert.Contains("2024-03-07", await File.ReadAllTextAsync(html.Path), StringComparison.Ordinal);
        var json = await DownloadAsync(page, "#export-json", "report.json");
        var report = JsonDocument.Parse(await File.ReadAllBytesAsync(json.Path)).RootElement;
        Assert.Equal(ExpectedDates, report.GetProperty("timeline").EnumerateArray().Select(r => r.GetProperty("date").GetString()).ToArray());
        Assert.Equal("3.1.5", report.GetProperty("disclosure").GetProperty("policy").GetProperty("policyId").GetString());
        var text = await DownloadAsync(page, "#export-text", "report.txt");
        Assert.Contains("1. 내원일시: 2024.03.07", await File.ReadAllTextAsync(text.Path), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reload_resumes_watching_and_review_inputs_rerun_the_report()
    {
        var page = await server.NewPageAsync();
        await page.GotoAsync("/");
        await page.Locator("#file-input").SetInputFilesAsync(new FilePayload
        {
            Name = "기록 <img src=x onerror=alert(1)>.txt",
            MimeType = "text/plain",
            Buffer = Fixtures.UniqueText("진료일자: 2024.03.07 가나병원 내과 외래 진료\n진단명: 제2형 당뇨병 (E11.9)"),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "분석 시작" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"#/jobs/[0-9a-f-]{36}$"));
        var address = page.Url;

        await page.ReloadAsync();
        await Expect(page.Locator("#job-stage")).ToHaveTextAsync("완료", new() { Timeout = 60_000 });
        await Expect(page.Locator("#timeline-body tr.event")).ToHaveCountAsync(1);
        // Untrusted names are shown as text, never as markup.
        await Expect(page.Locator("#job-files .file-name")).ToHaveTextAsync("기록 <img src=x onerror=alert(1)>.txt");
        Assert.Equal(0, await page.Locator("#job-files img").CountAsync());

        // Without an enrollment date the review is limited and says what is missing.
        await Expect(page.Locator("#disclosure-body")).ToContainTextAsync("보험가입일 입력이 필요합니다");
        await page.Locator("#review-join-date").FillAsync("2024-06-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "이 기준으로 다시 검토" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"\?join=2024-06-01$"));
        await Expect(page.Locator("#disclosure-body")).ToContainTextAsync("2024.06.01");
        await Expect(page.Locator("#timeline-body tr.event").First).ToContainTextAsync("3개월 이내");
        await Expect(page.Locator("#export-pdf")).ToHaveAttributeAsync("href", new Regex("insuranceJoinDate=2024-06-01"));

        // A new page opened on the address (a bookmark, a colleague's link) shows the same job.
        var other = await server.NewPageAsync();
        await other.GotoAsync(address);
        await Expect(other.Locator("#timeline-body tr.event")).ToHaveCountAsync(1);
        await other.ScreenshotAsync(new() { Path = Artifacts.PathFor("04-resumed.png"), FullPage = true });
    }

    [Fact]
    public async Task Upload_refusals_are_explained_in_Korean()
    {
        var page = await server.NewPageAsync();
        await page.GotoAsync("/");

        await page.GetByRole(AriaRole.Button, new() { Name = "분석 시작" }).ClickAsync();
        await Expect(page.Locator("#upload-error")).ToContainTextAsync("올릴 파일을 하나 이상 선택하십시오.");

        // Checked in the browser: a type the server does not take.
        await page.Locator("#file-input").SetInputFilesAsync(new FilePayload { Name = "메모.docx", MimeType = "application/octet-stream", Buffer = new byte[100] });
        await page.GetByRole(AriaRole.Button, new() { Name = "분석 시작" }).ClickAsync();
        await Expect(page.Locator("#upload-error")).ToContainTextAsync("메모.docx");
        await page.GetByRole(AriaRole.Button, new() { Name = "메모.docx 빼기" }).ClickAsync();

        // Checked by the server: a ".pdf" that is not a PDF inside comes back as CORRUPT_FILES, with the file named.
        await page.Locator("#file-input").SetInputFilesAsync(new FilePayload { Name = "가짜.pdf", MimeType = "application/pdf", Buffer = Fixtures.UniqueText() });
        await page.GetByRole(AriaRole.Button, new() { Name = "분석 시작" }).ClickAsync();
        await Expect(page.Locator("#upload-error")).ToContainTextAsync("손상되었거나 암호가 걸려 읽을 수 없는 파일이 있습니다");
        await Expect(page.Locator("#upload-error")).ToContainTextAsync("가짜.pdf");
        await page.ScreenshotAsync(new() { Path = Artifacts.PathFor("05-upload-error.png"), FullPage = true });
        await Expect(page).ToHaveURLAsync(new Regex("/(#/?)?$"));

        // An unknown job id in the address says so.
        await page.GotoAsync($"/#/jobs/{Guid.NewGuid()}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "작업을 찾을 수 없습니다" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Progress_stream_is_server_sent_events_that_end_when_the_job_is_done()
    {
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(Fixtures.UniqueText());
        file.Headers.ContentType = new("text/plain");
        content.Add(file, "files", "record.txt");
        var accepted = await (await server.Http.PostAsync("/api/ocr/upload", content)).Content.ReadFromJsonAsync<JsonElement>();
        var jobId = accepted.GetProperty("jobId").GetString();

        using var response = await server.Http.GetAsync($"/api/jobs/{jobId}/events", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        var events = Regex.Matches(body, "^event: (\\w+)$", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal("end", events[^1]);
        var last = body.Split("\n\n").Last(e => e.StartsWith("event: progress", StringComparison.Ordinal));
        var progress = JsonDocument.Parse(last[(last.IndexOf("data: ", StringComparison.Ordinal) + 6)..]).RootElement;
        Assert.Equal("completed", progress.GetProperty("status").GetString());
        Assert.Equal(100, progress.GetProperty("progress").GetInt32());
        Assert.Equal("done", progress.GetProperty("files")[0].GetProperty("status").GetString());

        using var missing = await server.Http.GetAsync($"/api/jobs/{Guid.NewGuid()}/events");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    private static async Task<(string Path, string SuggestedName)> DownloadAsync(IPage page, string selector, string saveAs)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator(selector).ClickAsync());
        var path = Artifacts.PathFor(saveAs);
        await download.SaveAsAsync(path);
        return (path, download.SuggestedFilename);
    }

    internal static string PdfToText(string path) => Run("pdftotext", "-layout", path, "-");

    internal static string Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{program} failed: {process.StandardError.ReadToEnd()}");
        return output;
    }
}
