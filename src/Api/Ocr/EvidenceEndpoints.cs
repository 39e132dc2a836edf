using VNexsus.Api.Auth;
using VNexsus.Jobs;
using VNexsus.Ocr;
using VNexsus.Ocr.Engines;
using VNexsus.Ocr.Rendering;

namespace VNexsus.Api.Ocr;

/// <summary>
/// What the evidence viewer needs: a page's blocks (text, box, confidence, the OCR corrections made in them) in the
/// page's units (<c>unit</c>: PDF points for a text layer, pixels for OCR), and an image of the page <c>imageScale</c>
/// pixels per unit (text-layer pages are drawn larger than 72 dpi so they stay sharp). New endpoints use the v2 envelope
/// <c>{success, data | error, meta}</c>.
/// </summary>
public static class EvidenceEndpoints
{
    public static IEndpointRouteBuilder MapEvidenceEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/ocr/blocks/{jobId}", BlocksAsync);
        routes.MapGet("/api/ocr/page-image/{jobId}/{file:int}/{page:int}", PageImageAsync);
        return routes;
    }

    private static async Task<IResult> BlocksAsync(string jobId, int file, int? page, HttpContext context, IClusterClient cluster)
    {
        if (await FindFileAsync(cluster, context, jobId, file) is not { } found)
        {
            return Envelope.Failure(context, StatusCodes.Status404NotFound, "NOT_FOUND", "작업 또는 파일을 찾을 수 없습니다.");
        }

        var pages = new List<ExtractedPage>();
        await foreach (var extracted in cluster.GetGrain<IOcrGrain>(found.File.Document.Sha256).ReadPages())
        {
            if (page is null || extracted.Page == page)
            {
                pages.Add(extracted);
            }
        }

        if (page is not null && pages.Count == 0)
        {
            return Envelope.Failure(context, StatusCodes.Status404NotFound, "NOT_FOUND", "페이지를 찾을 수 없습니다.");
        }

        return Envelope.Success(context, new
        {
            jobId,
            file,
            pages = pages.Select(p => new
            {
                page = p.Page,
                width = p.Width,
                height = p.Height,
                unit = p.Source == PageTextSource.TextLayer ? "pt" : "px",
                imageScale = PageImageRenderer.ScaleOf(p),
                source = p.Source.ToString(),
                needsOcrReason = p.NeedsOcrReason,
                blocks = p.Blocks.Select(b => new
                {
                    index = b.Index,
                    text = b.Text,
                    bbox = b.Box,
                    confidence = b.Confidence,
                    corrections = (b.Corrections ?? []).Select(c => new { original = c.Original, corrected = c.Corrected, reason = c.Reason, bbox = c.Box }),
                }),
            }),
        });
    }

    private static async Task<IResult> PageImageAsync(string jobId, int file, int page, HttpContext context, IClusterClient cluster, PageImageRenderer renderer)
    {
        if (await FindFileAsync(cluster, context, jobId, file) is not { } found
            || await cluster.GetGrain<IOcrGrain>(found.File.Document.Sha256).GetPage(page) is not { } extracted)
        {
            return Envelope.Failure(context, StatusCodes.Status404NotFound, "NOT_FOUND", "페이지를 찾을 수 없습니다.");
        }

        try
        {
            var image = await renderer.RenderAsync(found.File.Document, extracted, context.RequestAborted);
            return Results.File(image.Path, image.MediaType);
        }
        catch (OcrEngineException)
        {
            // The engine's message can name tools and paths; the client learns only that this page has no image.
            return Envelope.Failure(context, StatusCodes.Status422UnprocessableEntity, "NOT_RENDERABLE", "이 쪽의 이미지를 만들 수 없습니다.");
        }
    }

    private static async Task<JobFileSnapshot?> FindFileAsync(IClusterClient cluster, HttpContext context, string jobId, int file) =>
        await JobLookup.FindAsync(cluster, context.User.TenantId(), jobId) is { } job && file >= 1 && file <= job.Files.Count && job.Files[file - 1].Status == FileStatus.Done
            ? job.Files[file - 1]
            : null;
}
