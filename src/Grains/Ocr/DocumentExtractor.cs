using System.Diagnostics;
using UglyToad.PdfPig.Exceptions;
using VNexsus.Storage;

namespace VNexsus.Ocr;

/// <summary>The extracted text (null when extraction failed) and the summary the job reports.</summary>
public sealed record ExtractionResult(ExtractedDocument? Document, ExtractionSummary Summary);

/// <summary>
/// A document's pages as far as reading without OCR goes: text-layer or text-file pages, and the pages that need OCR
/// (<see cref="ExtractedPage.NeedsOcrReason"/> set). <see cref="Failure"/> is set when the document cannot be read at all.
/// </summary>
public sealed record TextLayerResult(IReadOnlyList<ExtractedPage> Pages, IReadOnlyList<ProcessingStep> Steps, InvalidDocumentException? Failure)
{
    public IReadOnlyList<int> PagesNeedingOcr => Pages.Where(p => p.NeedsOcrReason is not null).Select(p => p.Page).ToList();
}

/// <summary>Reads documents without OCR and assembles the final extraction once OCR'd pages are back.</summary>
public interface IDocumentExtractor
{
    /// <summary>Never throws for a bad document: the failure is in the result.</summary>
    TextLayerResult ReadTextLayer(DocumentRef document);

    ExtractionResult Complete(DocumentRef document, TextLayerResult layer, IReadOnlyList<PageOcrResult> ocr);
}

/// <summary>
/// Reads a PDF's text layer page by page (pages whose layer is missing or broken are left for OCR) or a plain-text
/// file, and merges OCR'd pages back in upload order. Decides <c>textSource</c>, <c>isScannedPdf</c> and the failure
/// of a file whose pages all came out empty.
/// </summary>
public sealed class DocumentExtractor(BlobStore blobs, TimeProvider clock) : IDocumentExtractor
{
    public const string NoOcrEngineMessage = "OCR 엔진이 구성되지 않았습니다 (no OCR engine configured)";

    public TextLayerResult ReadTextLayer(DocumentRef document)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            switch (document.Kind)
            {
                case DocumentKind.Text:
                    var textPages = PlainTextReader.Read(File.ReadAllBytes(blobs.PathOf(document.Sha256)));
                    return new TextLayerResult(textPages, [Step("direct_text", "completed", $"{textPages.Count}쪽 텍스트 읽음", started)], null);
                case DocumentKind.Pdf:
                    using (var stream = blobs.OpenRead(document.Sha256))
                    {
                        var pdfPages = ReadPdf(stream);
                        var withText = pdfPages.Count(p => p.NeedsOcrReason is null);
                        return new TextLayerResult(pdfPages, [Step("text_layer", "completed", $"{pdfPages.Count}쪽 중 {withText}쪽 텍스트 레이어 사용", started)], null);
                    }

                default:
                    return new TextLayerResult([new ExtractedPage(1, 0, 0, PageTextSource.None, [], "이미지 파일 (image file)")], [], null);
            }
        }
        catch (InvalidDocumentException invalid)
        {
            return new TextLayerResult([], [Step("text_layer", "failed", invalid.Message, started)], invalid);
        }
    }

    public ExtractionResult Complete(DocumentRef document, TextLayerResult layer, IReadOnlyList<PageOcrResult> ocr)
    {
        var steps = layer.Steps.ToList();
        if (layer.Failure is { } failure)
        {
            return Fail(document, failure.Code, failure.Message, steps, layer.Pages.Count, ocr);
        }

        var recognized = ocr.Where(r => r.Page is not null).ToDictionary(r => r.Page!.Page, r => r.Page!);
        var pages = layer.Pages.Select(p => recognized.GetValueOrDefault(p.Page) ?? p).ToList();
        var failedPages = ocr.Where(r => r.Page is null).ToList();
        if (ocr.Count > 0)
        {
            steps.Add(OcrStep(ocr, failedPages));
        }

        if (pages.All(p => p.Blocks.Count == 0))
        {
            return failedPages.Count > 0 && failedPages.Count == ocr.Count
                ? Fail(document, failedPages[0].ErrorCode ?? ExtractionErrors.OcrFailed, failedPages[0].ErrorMessage!, steps, pages.Count, ocr)
                : Fail(document, ExtractionErrors.NoText, "추출된 텍스트가 없습니다 (no text found)", steps, pages.Count, ocr);
        }

        var extracted = new ExtractedDocument(pages);
        var ocrPages = recognized.Count;
        var source = document.Kind switch
        {
            DocumentKind.Text => TextSource.DirectText,
            DocumentKind.Pdf when ocrPages == 0 => TextSource.PdfParseOnly,
            DocumentKind.Pdf when ocrPages < pages.Count => TextSource.PdfParseWithOcr,
            _ => TextSource.OcrOnly,
        };
        var summary = new ExtractionSummary(
            document.Sha256, Succeeded: true, pages.Count, IsScannedPdf(document, layer), source,
            extracted.MergedText.Length, steps, ErrorCode: null, ErrorMessage: null,
            TotalDuration(steps), clock.GetUtcNow(), OcrProfile(ocr), Silos(ocr));
        return new ExtractionResult(extracted, summary);
    }

    private static IReadOnlyList<ExtractedPage> ReadPdf(Stream stream)
    {
        try
        {
            return PdfTextLayerReader.Read(stream);
        }
        catch (PdfDocumentEncryptedException error)
        {
            throw new InvalidDocumentException(ExtractionErrors.EncryptedPdf, "암호화된 PDF는 읽을 수 없습니다 (encrypted PDF)", error);
        }
        catch (Exception error) when (error is not (OutOfMemoryException or OperationCanceledException))
        {
            // PdfPig reports damaged structure through many exception types; the document is at fault, not the system.
            throw new InvalidDocumentException(ExtractionErrors.CorruptFile, $"PDF를 읽을 수 없습니다 (the PDF cannot be read: {error.GetType().Name})", error);
        }
    }

    private ProcessingStep OcrStep(IReadOnlyList<PageOcrResult> ocr, List<PageOcrResult> failed)
    {
        var duration = TimeSpan.FromTicks(ocr.Sum(r => r.Duration.Ticks));
        var message = $"{ocr.Count - failed.Count}/{ocr.Count}쪽 OCR 완료 ({OcrProfile(ocr)}, 노드 {Silos(ocr).Count}곳)";
        if (failed.Count > 0)
        {
            message += $"; 실패: {string.Join(", ", failed.Select(f => f.PageNumber))}쪽 - {failed[0].ErrorMessage}";
        }

        return new ProcessingStep("ocr", failed.Count == 0 ? "completed" : failed.Count == ocr.Count ? "failed" : "partial", message, clock.GetUtcNow(), duration);
    }

    private ExtractionResult Fail(DocumentRef document, string code, string message, List<ProcessingStep> steps, int pageCount, IReadOnlyList<PageOcrResult> ocr)
    {
        var needsOcr = code is ExtractionErrors.NoOcrEngine or ExtractionErrors.OcrFailed;
        var summary = new ExtractionSummary(
            document.Sha256, Succeeded: false, pageCount, IsScannedPdf: needsOcr && document.Kind == DocumentKind.Pdf,
            needsOcr ? TextSource.OcrOnly : TextSource.None, TextLength: 0, steps, code, message,
            TotalDuration(steps), clock.GetUtcNow(), OcrProfile(ocr), Silos(ocr));
        return new ExtractionResult(null, summary);
    }

    private static bool IsScannedPdf(DocumentRef document, TextLayerResult layer) =>
        document.Kind == DocumentKind.Pdf && layer.Pages.Count > 0 && layer.Pages.All(p => p.NeedsOcrReason is not null);

    private static string? OcrProfile(IReadOnlyList<PageOcrResult> ocr) => ocr.Count == 0 ? null : ocr[0].EngineProfile;

    private static IReadOnlyList<string> Silos(IReadOnlyList<PageOcrResult> ocr) => ocr.Select(r => r.Silo).Distinct().Order().ToList();

    private static TimeSpan TotalDuration(IEnumerable<ProcessingStep> steps) => TimeSpan.FromTicks(steps.Sum(s => s.Duration.Ticks));

    private ProcessingStep Step(string name, string status, string message, long started) =>
        new(name, status, message, clock.GetUtcNow(), Stopwatch.GetElapsedTime(started));
}
