using System.Diagnostics;
using UglyToad.PdfPig.Exceptions;
using VNexsus.Storage;

namespace VNexsus.Ocr;

/// <summary>The extracted text (null when extraction failed) and the summary the job reports.</summary>
public sealed record ExtractionResult(ExtractedDocument? Document, ExtractionSummary Summary);

/// <summary>Extracts the text of a stored document. Implementations never throw for a bad document.</summary>
public interface IDocumentExtractor
{
    ExtractionResult Extract(DocumentRef document);
}

/// <summary>
/// Turns a stored document into pages of text: the PDF text layer page by page, or the text of a plain-text file.
/// Pages that need OCR are reported as such; images and image-only PDFs fail with a clear message until an OCR engine
/// is configured. Never throws for a bad document: every failure becomes a failed summary.
/// </summary>
public sealed class DocumentExtractor(BlobStore blobs, TimeProvider clock) : IDocumentExtractor
{
    public const string NoOcrEngineMessage = "OCR 엔진이 구성되지 않았습니다 (no OCR engine configured)";

    public ExtractionResult Extract(DocumentRef document)
    {
        var started = Stopwatch.GetTimestamp();
        var steps = new List<ProcessingStep>();
        try
        {
            var pages = ReadPages(document, steps);
            return Succeed(document, pages, steps, started);
        }
        catch (InvalidDocumentException invalid)
        {
            return Fail(document, invalid.Code, invalid.Message, steps, started);
        }
    }

    private IReadOnlyList<ExtractedPage> ReadPages(DocumentRef document, List<ProcessingStep> steps)
    {
        var stepStart = Stopwatch.GetTimestamp();
        switch (document.Kind)
        {
            case DocumentKind.Text:
                var textPages = PlainTextReader.Read(File.ReadAllBytes(blobs.PathOf(document.Sha256)));
                steps.Add(Step("direct_text", "completed", $"{textPages.Count}쪽 텍스트 읽음", stepStart));
                return textPages;
            case DocumentKind.Pdf:
                using (var stream = blobs.OpenRead(document.Sha256))
                {
                    var pdfPages = ReadPdf(stream);
                    var withText = pdfPages.Count(p => p.Source == PageTextSource.TextLayer);
                    steps.Add(Step("text_layer", "completed", $"{pdfPages.Count}쪽 중 {withText}쪽 텍스트 레이어 사용", stepStart));
                    ReportPagesNeedingOcr(pdfPages, steps);
                    return pdfPages;
                }

            default:
                steps.Add(Step("ocr", "failed", NoOcrEngineMessage, stepStart));
                throw new InvalidDocumentException(ExtractionErrors.NoOcrEngine, NoOcrEngineMessage);
        }
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

    private void ReportPagesNeedingOcr(IReadOnlyList<ExtractedPage> pages, List<ProcessingStep> steps)
    {
        var needOcr = pages.Where(p => p.NeedsOcrReason is not null).Select(p => p.Page).ToList();
        if (needOcr.Count == 0)
        {
            return;
        }

        if (needOcr.Count == pages.Count)
        {
            throw new InvalidDocumentException(ExtractionErrors.NoOcrEngine, $"{NoOcrEngineMessage}: 모든 페이지가 스캔 이미지입니다");
        }

        steps.Add(Step("ocr", "skipped", $"{NoOcrEngineMessage}: {string.Join(", ", needOcr)}쪽은 OCR이 필요합니다", Stopwatch.GetTimestamp()));
    }

    private ExtractionResult Succeed(DocumentRef document, IReadOnlyList<ExtractedPage> pages, List<ProcessingStep> steps, long started)
    {
        if (pages.Count == 0 || pages.All(p => p.Blocks.Count == 0))
        {
            return Fail(document, ExtractionErrors.NoText, "추출된 텍스트가 없습니다 (no text found)", steps, started);
        }

        var extracted = new ExtractedDocument(pages);
        var source = document.Kind == DocumentKind.Text ? TextSource.DirectText : TextSource.PdfParseOnly;
        var summary = new ExtractionSummary(
            document.Sha256, Succeeded: true, pages.Count, IsScannedPdf: false, source,
            extracted.MergedText.Length, steps, ErrorCode: null, ErrorMessage: null,
            Stopwatch.GetElapsedTime(started), clock.GetUtcNow());
        return new ExtractionResult(extracted, summary);
    }

    private ExtractionResult Fail(DocumentRef document, string code, string message, List<ProcessingStep> steps, long started)
    {
        var isScan = code == ExtractionErrors.NoOcrEngine;
        var summary = new ExtractionSummary(
            document.Sha256, Succeeded: false, PageCount: 0, IsScannedPdf: isScan && document.Kind == DocumentKind.Pdf,
            isScan ? TextSource.OcrOnly : TextSource.None, TextLength: 0, steps, code, message,
            Stopwatch.GetElapsedTime(started), clock.GetUtcNow());
        return new ExtractionResult(null, summary);
    }

    private ProcessingStep Step(string name, string status, string message, long stepStart) =>
        new(name, status, message, clock.GetUtcNow(), Stopwatch.GetElapsedTime(stepStart));
}
