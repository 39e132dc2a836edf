using System.Diagnostics;
using UglyToad.PdfPig.Exceptions;
using VNexsus.Ocr.Correction;
using VNexsus.Ocr.Inspection;
using VNexsus.Ocr.Rendering;
using VNexsus.Rules;
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
public sealed class DocumentExtractor(BlobStore blobs, TimeProvider clock, DocumentLimits limits) : IDocumentExtractor
{
    public const string NoOcrEngineMessage = "OCR 엔진이 구성되지 않았습니다 (no OCR engine configured)";

    public TextLayerResult ReadTextLayer(DocumentRef document)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var path = blobs.PathOf(document.Sha256);
            CheckContent(path, document.Kind);
            switch (document.Kind)
            {
                case DocumentKind.Text:
                    var textPages = PlainTextReader.Read(File.ReadAllBytes(path), limits.MaxPages);
                    return new TextLayerResult(textPages, [Step("direct_text", "completed", $"{textPages.Count}쪽 텍스트 읽음", started)], null);
                case DocumentKind.Pdf:
                    var steps = new List<ProcessingStep>();
                    var pdfPages = ReadPdf(document.Sha256, steps);
                    var withText = pdfPages.Count(p => p.NeedsOcrReason is null);
                    steps.Insert(0, Step("text_layer", "completed", $"{pdfPages.Count}쪽 중 {withText}쪽 텍스트 레이어 사용", started));
                    return new TextLayerResult(pdfPages, steps, null);
                default:
                    CheckImageSize(path, document.Kind);
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
        // Once every page is read, a code the OCR damaged on one page is resolved by the same code read cleanly on another,
        // or by the KCD catalogue's name for it where the name beside it says which code it is.
        var pages = SameFileCodes.Apply(layer.Pages.Select(p => recognized.GetValueOrDefault(p.Page) ?? p).ToList(), RuleData.Default.Kcd);
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

    /// <summary>
    /// The API checked the first bytes already; the file is checked again here because grains trust no caller with what
    /// a blob holds.
    /// </summary>
    private static void CheckContent(string path, DocumentKind kind)
    {
        var head = new byte[ContentType.HeadLength];
        int length;
        using (var file = File.OpenRead(path))
        {
            length = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }

        var format = ContentType.Sniff(head.AsSpan(0, length));
        if (ContentType.KindOf(format) != kind || ContentType.IsPolyglot(head.AsSpan(0, length), format))
        {
            throw kind == DocumentKind.Text
                ? new InvalidDocumentException(ExtractionErrors.NotText, $"텍스트 파일이 아닙니다: 내용은 {ContentType.Describe(format)}입니다 (not a text file)")
                : new InvalidDocumentException(ExtractionErrors.WrongContent, $"파일 내용({ContentType.Describe(format)})이 파일 형식과 맞지 않습니다 (content does not match the file type)");
        }
    }

    /// <summary>An image's size comes from its header, before anything decodes it.</summary>
    private void CheckImageSize(string path, DocumentKind kind)
    {
        var mediaType = kind == DocumentKind.Png ? ImageHeader.Png : ImageHeader.Jpeg;
        var size = ImageHeader.SizeOfFile(path, mediaType)
            ?? throw new InvalidDocumentException(ExtractionErrors.CorruptFile, "이미지 머리글(크기 정보)을 읽을 수 없습니다 (the image header cannot be read)");
        if (limits.ImageSizeProblem(size.Width, size.Height) is { } problem)
        {
            throw new InvalidDocumentException(ExtractionErrors.ImageTooLarge, problem);
        }
    }

    /// <summary>
    /// The raw bytes are checked first (<see cref="PdfStreamGuard"/>); PdfPig then runs under the page and time limits.
    /// Every way PdfPig can fail on a bad file becomes a per-file error.
    /// </summary>
    private IReadOnlyList<ExtractedPage> ReadPdf(string sha256, List<ProcessingStep> steps)
    {
        var path = blobs.PathOf(sha256);
        using var deadline = new CancellationTokenSource(limits.TextLayerTimeout);
        try
        {
            var inspection = PdfStreamGuard.Inspect(path, limits, deadline.Token);
            if (inspection.HasActiveContent)
            {
                steps.Add(new ProcessingStep("active_content", "ignored", "PDF에 포함된 스크립트·자동 실행 동작은 실행하지 않고 텍스트만 읽었습니다 (scripts and actions ignored)", clock.GetUtcNow(), TimeSpan.Zero));
            }

            using var stream = blobs.OpenRead(sha256);
            return PdfTextLayerReader.Read(stream, limits.MaxPages, deadline.Token);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            throw new InvalidDocumentException(ExtractionErrors.Timeout, $"PDF를 {limits.TextLayerTimeout.TotalSeconds:0}초 안에 읽지 못해 중단했습니다 (text layer time limit)");
        }
        catch (PdfDocumentEncryptedException error)
        {
            throw new InvalidDocumentException(ExtractionErrors.EncryptedPdf, "암호화된 PDF는 읽을 수 없습니다 (encrypted PDF)", error);
        }
        catch (OutOfMemoryException error)
        {
            // An allocation this large is asked for by the file (a declared length or count), not by the system's state.
            throw new InvalidDocumentException(ExtractionErrors.TooComplex, "PDF를 읽는 데 메모리가 너무 많이 필요합니다 (document too complex)", error);
        }
        catch (Exception error) when (error is not (InvalidDocumentException or OperationCanceledException or FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException))
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
