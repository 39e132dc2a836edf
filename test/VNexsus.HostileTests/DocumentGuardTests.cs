using System.Text;
using VNexsus.Ocr;
using VNexsus.Ocr.Engines;
using VNexsus.Ocr.Inspection;
using VNexsus.Storage;
using VNexsus.Testing;

namespace VNexsus.HostileTests;

/// <summary>The guards one by one, on the extractor and the tool runner directly, with the exact code each case ends in.</summary>
public sealed class DocumentGuardTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();
    private readonly BlobStore _blobs;
    private readonly DocumentLimits _limits = new() { MaxPages = HostileCorpus.MaxPages };

    public DocumentGuardTests() => _blobs = new BlobStore(new DataDirectory(_directory.Path));

    public void Dispose() => _directory.Dispose();

    [Theory]
    [InlineData("bomb/content-100mb", ExtractionErrors.DecompressionLimit)]
    [InlineData("bomb/font-file-200mb", ExtractionErrors.DecompressionLimit)]
    [InlineData("bomb/object-stream-300mb", ExtractionErrors.DecompressionLimit)]
    [InlineData("bomb/image-labelled-content-512mb", ExtractionErrors.DecompressionLimit)]
    [InlineData("bomb/broken-xref", ExtractionErrors.DecompressionLimit)]
    [InlineData("pdf/reference-self-cycle", ExtractionErrors.CorruptFile)]
    [InlineData("pdf/reference-two-cycle", ExtractionErrors.CorruptFile)]
    [InlineData("pdf/zero-pages", ExtractionErrors.NoPages)]
    [InlineData("pdf/too-many-pages", ExtractionErrors.TooManyPages)]
    [InlineData("pdf/encrypted-late", ExtractionErrors.EncryptedPdf)]
    [InlineData("pdf/mediabox-absurd-numbers", ExtractionErrors.CorruptFile)]
    [InlineData("image/jpeg-huge-after-metadata", ExtractionErrors.ImageTooLarge)]
    [InlineData("text/form-feed-pages", ExtractionErrors.TooManyPages)]
    [InlineData("text/nul-after-head", ExtractionErrors.NotText)]
    public void A_hostile_document_fails_with_its_code_and_a_korean_message(string @case, string code)
    {
        var failure = Read(HostileCorpus.All().Single(f => f.Case == @case)).Failure;

        Assert.NotNull(failure);
        Assert.Equal(code, failure.Code);
        Assert.Matches("[가-힣]", failure.Message);
    }

    [Fact]
    public void A_pdf_with_javascript_is_read_for_its_text_and_says_its_scripts_were_ignored()
    {
        var layer = Read(HostileCorpus.All().Single(f => f.Case == "pdf/javascript-openaction"));

        Assert.Null(layer.Failure);
        Assert.Contains("VISIT 2024.03.07", layer.Pages[0].Text);
        Assert.Contains(layer.Steps, s => s.Step == "active_content" && s.Status == "ignored");
    }

    [Theory]
    [InlineData(Fixtures.OutpatientPdf)]
    [InlineData(Fixtures.MixedPdf)]
    [InlineData(Fixtures.ScannedPdf)]
    public void The_valid_fixtures_pass_the_stream_guard_without_active_content(string fixture)
    {
        var path = Path.Combine(_directory.Path, fixture);
        File.WriteAllBytes(path, Fixtures.Bytes(fixture));

        Assert.False(PdfStreamGuard.Inspect(path, _limits, CancellationToken.None).HasActiveContent);
    }

    [Fact]
    public void A_stream_just_under_the_limit_passes_and_just_over_it_fails()
    {
        var limits = new DocumentLimits { MaxPdfStreamBytes = 2 << 20 };
        Assert.Null(Read(BombOf((2 << 20) - 1), limits).Failure);
        Assert.Equal(ExtractionErrors.DecompressionLimit, Read(BombOf((2 << 20) + 1), limits).Failure?.Code);
    }

    [Fact]
    public void A_blob_whose_content_is_not_its_kind_fails_as_a_mismatch()
    {
        var png = new HostileFile("test", "a.pdf", "application/pdf", Fixtures.Bytes(Fixtures.ScanPng), Expect.Failed);
        Assert.Equal(ExtractionErrors.WrongContent, Read(png).Failure?.Code);
    }

    [Fact]
    public async Task A_tool_past_its_memory_limit_is_stopped_with_a_message_naming_the_limit()
    {
        var error = await Assert.ThrowsAsync<OcrEngineException>(() => ExternalTool.RunAsync(
            "/usr/bin/python3", ["-c", "bytearray(1 << 30)"], null, ToolLimits.Of(TimeSpan.FromMinutes(1), 128), CancellationToken.None));

        Assert.Equal(OcrFailureKind.InvalidInput, error.Kind);
        Assert.True(error.Message.Contains("메모리 한도 128MB", StringComparison.Ordinal) || error.Message.Contains("exit code 1", StringComparison.Ordinal), error.Message);
        // The same program within the limit runs: the failure above was the limit, not the program.
        await ExternalTool.RunAsync("/usr/bin/python3", ["-c", "bytearray(1 << 20)"], null, ToolLimits.Of(TimeSpan.FromMinutes(1), 128), CancellationToken.None);
    }

    [Fact]
    public async Task A_tool_past_its_time_limit_is_killed_with_a_message_naming_the_limit()
    {
        var error = await Assert.ThrowsAsync<OcrEngineException>(() => ExternalTool.RunAsync(
            "sleep", ["613.25"], null, ToolLimits.Of(TimeSpan.FromSeconds(1), 128), CancellationToken.None));

        Assert.Contains("1초 안에 끝내지 못해 중단했습니다", error.Message);
        await Eventually.Until(() => Task.FromResult(RunningCommandLines().Any(c => c == "sleep\u0000613.25\u0000")), running => !running, "the timed-out tool to be gone");
    }

    [Fact]
    public async Task A_missing_tool_behind_prlimit_is_a_configuration_error_not_a_bad_page()
    {
        var error = await Assert.ThrowsAsync<OcrEngineException>(() => ExternalTool.RunAsync(
            "/nonexistent/pdftoppm", [], null, ToolLimits.Of(TimeSpan.FromSeconds(10), 128), CancellationToken.None));
        Assert.Equal(OcrFailureKind.Configuration, error.Kind);
    }

    [Fact]
    public void Unusable_limits_are_named_at_start_up()
    {
        var problems = new DocumentLimits { MaxPages = 0, MaxImagePixels = 0, MaxPdfStreamBytes = 10, RenderTimeout = TimeSpan.Zero, RenderMemoryMegabytes = 1 }.Problems().ToList();

        Assert.Equal(5, problems.Count);
        Assert.All(problems, p => Assert.StartsWith("VNexsus:Ocr:Limits:", p));
        Assert.Empty(new DocumentLimits().Problems());
    }

    private static IEnumerable<string> RunningCommandLines() =>
        Directory.EnumerateDirectories("/proc").Where(d => Path.GetFileName(d).All(char.IsAsciiDigit)).Select(d =>
        {
            try
            {
                return File.ReadAllText(Path.Combine(d, "cmdline"));
            }
            catch (IOException)
            {
                return string.Empty; // the process ended while we looked
            }
        });

    private static HostileFile BombOf(int bytes)
    {
        var pdf = new PdfBuilder();
        pdf.Add("<< /Type /Catalog /Pages 2 0 R >>");
        pdf.Add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        pdf.Add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>");
        var content = Encoding.Latin1.GetBytes(PdfBuilder.Content(["VISIT 2024.03.07"]));
        pdf.Add(PdfBuilder.Stream("/Filter /FlateDecode", PdfBuilder.Deflate([.. content, .. Enumerable.Repeat((byte)' ', bytes - content.Length)])));
        pdf.Add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        return new HostileFile("test", "a.pdf", "application/pdf", pdf.Build(1), Expect.Any);
    }

    private TextLayerResult Read(HostileFile file, DocumentLimits? limits = null)
    {
        using var staged = _blobs.StageAsync(new MemoryStream(file.Bytes), long.MaxValue, CancellationToken.None).GetAwaiter().GetResult();
        var sha = staged.Sha256;
        staged.Commit();
        var kind = HostileCorpus.TypeOf(file.FileName) switch
        {
            "application/pdf" => DocumentKind.Pdf,
            "image/png" => DocumentKind.Png,
            "image/jpeg" => DocumentKind.Jpeg,
            _ => DocumentKind.Text,
        };
        return new DocumentExtractor(_blobs, TimeProvider.System, limits ?? _limits).ReadTextLayer(new DocumentRef(sha, kind, file.Bytes.Length));
    }
}
