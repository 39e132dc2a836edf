using System.Text;
using VNexsus.Ocr;
using VNexsus.Ocr.Correction;
using VNexsus.Ocr.Inspection;
using VNexsus.Privacy;
using VNexsus.Storage;
using VNexsus.Testing;

namespace VNexsus.UnitTests.Ocr;

public sealed class ExtractionTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();
    private readonly BlobStore _blobs;
    private readonly DocumentExtractor _extractor;

    public ExtractionTests()
    {
        _blobs = new BlobStore(new DataDirectory(_directory.Path));
        _extractor = new DocumentExtractor(_blobs, TimeProvider.System, new DocumentLimits());
    }

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void A_text_pdf_is_read_page_by_page_with_resident_numbers_masked()
    {
        var result = Extract(Fixtures.OutpatientPdf, DocumentKind.Pdf);

        Assert.True(result.Summary.Succeeded);
        Assert.Equal(TextSource.PdfParseOnly, result.Summary.TextSource);
        Assert.Equal(3, result.Summary.PageCount);
        var pages = result.Document!.Pages;
        Assert.Equal([1, 2, 3], pages.Select(p => p.Page).ToArray());
        Assert.Contains("진료일자: 2024.03.07 초진", pages[0].Blocks.Select(b => b.Text));
        Assert.Contains("입원기간: 2024.06.01 ~ 06.05", pages[1].Text);
        Assert.DoesNotContain(Fixtures.ResidentNumber, result.Document.MergedText);
        Assert.Contains(ResidentNumberMasker.Mask, pages[0].Text);
        Assert.All(pages[0].Blocks, b => Assert.True(b.Box!.YMin < b.Box.YMax && b.Box.XMax <= pages[0].Width));
    }

    [Fact]
    public void Lines_are_in_reading_order_top_to_bottom()
    {
        var page = Extract(Fixtures.OutpatientPdf, DocumentKind.Pdf).Document!.Pages[0];

        Assert.Equal("외래기록지", page.Blocks[0].Text);
        Assert.True(page.Blocks.Zip(page.Blocks.Skip(1)).All(pair => pair.First.Box!.YMin < pair.Second.Box!.YMin));
    }

    [Theory]
    [InlineData(Fixtures.OutpatientText)]
    [InlineData(Fixtures.OutpatientTextCp949)]
    public void Plain_text_in_utf8_or_cp949_reads_the_same(string fixture)
    {
        var result = Extract(fixture, DocumentKind.Text);

        Assert.True(result.Summary.Succeeded);
        Assert.Equal(TextSource.DirectText, result.Summary.TextSource);
        Assert.Contains("진료일자: 2024.03.07  초진", result.Document!.MergedText);
        Assert.DoesNotContain(Fixtures.ResidentNumber, result.Document.MergedText);
    }

    [Fact]
    public void A_form_feed_starts_a_new_text_page()
    {
        var result = ExtractBytes(Encoding.UTF8.GetBytes("첫 쪽 2024.01.02\f둘째 쪽 2024.01.03"), DocumentKind.Text);

        Assert.Equal(2, result.Summary.PageCount);
        Assert.Equal("둘째 쪽 2024.01.03", result.Document!.Pages[1].Text);
    }

    [Fact]
    public void A_truncated_pdf_fails_alone_with_a_clear_message()
    {
        var result = Extract(Fixtures.TruncatedPdf, DocumentKind.Pdf);

        Assert.False(result.Summary.Succeeded);
        Assert.Null(result.Document);
        Assert.Contains(result.Summary.ErrorCode, new[] { ExtractionErrors.CorruptFile, ExtractionErrors.NoOcrEngine, ExtractionErrors.NoText });
        Assert.False(string.IsNullOrWhiteSpace(result.Summary.ErrorMessage));
    }

    [Theory]
    [InlineData(Fixtures.ScannedPdf, DocumentKind.Pdf, 3)]
    [InlineData(Fixtures.ScanPng, DocumentKind.Png, 1)]
    [InlineData(Fixtures.ScanJpeg, DocumentKind.Jpeg, 1)]
    public void Scans_fail_until_an_ocr_engine_is_configured(string fixture, DocumentKind kind, int pages)
    {
        var result = Extract(fixture, kind);

        Assert.Equal(pages, result.Summary.PageCount);
        Assert.False(result.Summary.Succeeded);
        Assert.Equal(ExtractionErrors.NoOcrEngine, result.Summary.ErrorCode);
        Assert.Contains("no OCR engine configured", result.Summary.ErrorMessage);
        Assert.Equal(TextSource.OcrOnly, result.Summary.TextSource);
    }

    [Fact]
    public async Task A_mixed_pdf_leaves_only_its_scanned_page_for_ocr()
    {
        using var staged = await _blobs.StageAsync(new MemoryStream(Fixtures.Bytes(Fixtures.MixedPdf)), long.MaxValue, CancellationToken.None);
        staged.Commit();

        var layer = _extractor.ReadTextLayer(new DocumentRef(staged.Sha256, DocumentKind.Pdf, staged.Length));

        Assert.Equal([2], layer.PagesNeedingOcr);
        Assert.Contains("2024.03.07", layer.Pages[0].Text);
    }

    [Fact]
    public async Task A_scanned_document_resolves_a_code_damaged_on_one_page_by_its_clean_reading_on_another()
    {
        using var staged = await _blobs.StageAsync(new MemoryStream(Fixtures.Bytes(Fixtures.ScannedPdf)), long.MaxValue, CancellationToken.None);
        staged.Commit();
        var document = new DocumentRef(staged.Sha256, DocumentKind.Pdf, staged.Length);
        var layer = _extractor.ReadTextLayer(document);
        string[][] read = [["진 단 서", "주진단 본태성(원발성) 고혈압 I10"], ["외래기록지", "A: 본태성(원발성) 고혈압 (110)"], ["처방전", "공복혈당 110 mg/dL"]];
        // What the page grains answer: each page as the OCR engine read it, alone.
        var ocr = layer.PagesNeedingOcr
            .Select(page => new PageOcrResult(page, OcrPage(page, read[page - 1]), null, null, "silo", TimeSpan.Zero, "tesseract-test"))
            .ToList();

        var result = _extractor.Complete(document, layer, ocr);

        Assert.True(result.Summary.Succeeded);
        Assert.Equal(TextSource.OcrOnly, result.Summary.TextSource);
        var pages = result.Document!.Pages;
        Assert.Equal("A: 본태성(원발성) 고혈압 (I10)", pages[1].Blocks[1].Text);
        var correction = Assert.Single(pages[1].Blocks[1].Corrections!);
        Assert.Equal(("(110)", "(I10)", SameFileCodes.Reason), (correction.Original, correction.Corrected, correction.Reason));
        Assert.Equal("공복혈당 110 mg/dL", pages[2].Blocks[1].Text);
        Assert.Contains("(I10)", result.Document.MergedText);
    }

    [Fact]
    public async Task A_scanned_document_restores_a_lost_letter_from_the_catalogue_name_beside_the_code()
    {
        using var staged = await _blobs.StageAsync(new MemoryStream(Fixtures.Bytes(Fixtures.ScannedPdf)), long.MaxValue, CancellationToken.None);
        staged.Commit();
        var document = new DocumentRef(staged.Sha256, DocumentKind.Pdf, staged.Length);
        var layer = _extractor.ReadTextLayer(document);
        string[][] read = [["진 단 서", "부진단 부위가 명시되지 않은 요로감염 390"], ["외래기록지", "A: 본태성(원발성) 고혈압 (10)"], ["처방전", "공복혈당 110 mg/dL"]];
        var ocr = layer.PagesNeedingOcr
            .Select(page => new PageOcrResult(page, OcrPage(page, read[page - 1]), null, null, "silo", TimeSpan.Zero, "tesseract-test"))
            .ToList();

        var pages = _extractor.Complete(document, layer, ocr).Document!.Pages;

        Assert.Equal("부진단 부위가 명시되지 않은 요로감염 N39.0", pages[0].Blocks[1].Text);
        Assert.Equal("A: 본태성(원발성) 고혈압 (I10)", pages[1].Blocks[1].Text);
        var correction = Assert.Single(pages[1].Blocks[1].Corrections!);
        Assert.Equal(("(10)", "(I10)", SameFileCodes.NameReason), (correction.Original, correction.Corrected, correction.Reason));
        Assert.Equal("공복혈당 110 mg/dL", pages[2].Blocks[1].Text);
    }

    [Fact]
    public void Binary_declared_as_text_is_refused()
    {
        var result = ExtractBytes([0x4D, 0x5A, 0x00, 0x00, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04], DocumentKind.Text);

        Assert.Equal(ExtractionErrors.NotText, result.Summary.ErrorCode);
    }

    [Theory]
    [InlineData("", true)]
    [InlineData("정상적인 한국어 진료 기록 텍스트입니다", false)]
    [InlineData("Plain English discharge note", false)]
    [InlineData("\u0001\u0002\u0003\u0004 abc", true)]
    [InlineData("진료 \uE001\uE002 기록 \uFFFD", true)]
    public void An_empty_layer_or_one_of_unreadable_characters_needs_ocr(string text, bool needsOcr) =>
        Assert.Equal(needsOcr, TextLayerQuality.ReasonToOcr(text, pageHasImages: false) is not null);

    [Fact]
    public void A_few_characters_beside_an_image_make_a_scan()
    {
        Assert.NotNull(TextLayerQuality.ReasonToOcr("p. 1", pageHasImages: true));
        Assert.Null(TextLayerQuality.ReasonToOcr("p. 1", pageHasImages: false));
    }

    private static ExtractedPage OcrPage(int page, string[] lines) =>
        new(page, 1241, 1754, PageTextSource.Ocr, lines.Select((text, i) => new TextBlock(i, text, new BoundingBox(100, 100 + (60 * i), 1100, 140 + (60 * i)), 0.9)).ToList(), "scanned page");

    private ExtractionResult Extract(string fixture, DocumentKind kind) => ExtractBytes(Fixtures.Bytes(fixture), kind);

    private ExtractionResult ExtractBytes(byte[] bytes, DocumentKind kind)
    {
        using var staged = _blobs.StageAsync(new MemoryStream(bytes), long.MaxValue, CancellationToken.None).GetAwaiter().GetResult();
        staged.Commit();
        var document = new DocumentRef(staged.Sha256, kind, staged.Length);
        var layer = _extractor.ReadTextLayer(document);
        // What the page grains answer when no OCR engine is configured.
        var ocr = layer.PagesNeedingOcr
            .Select(page => new PageOcrResult(page, null, ExtractionErrors.NoOcrEngine, DocumentExtractor.NoOcrEngineMessage, "silo", TimeSpan.Zero, "none"))
            .ToList();
        return _extractor.Complete(document, layer, ocr);
    }
}
