using System.Text.Json;
using System.Text.Json.Serialization;
using VNexsus.Privacy;

namespace VNexsus.Ocr.Engines.Vision;

/// <summary>The parts of an <c>images:annotate</c> response the engine reads (Vision REST v1, JSON names).</summary>
internal sealed class VisionBatchResponse
{
    public List<VisionImageResponse>? Responses { get; set; }
}

internal sealed class VisionImageResponse
{
    public VisionTextAnnotation? FullTextAnnotation { get; set; }

    public VisionStatus? Error { get; set; }
}

internal sealed class VisionStatus
{
    public int Code { get; set; }

    public string? Message { get; set; }

    public string? Status { get; set; }
}

/// <summary>The body of an HTTP error from a Google API: <c>{"error": {"code", "message", "status"}}</c>.</summary>
internal sealed class GoogleErrorBody
{
    public VisionStatus? Error { get; set; }
}

internal sealed class VisionTextAnnotation
{
    public List<VisionPage>? Pages { get; set; }
}

internal sealed class VisionPage
{
    public int Width { get; set; }

    public int Height { get; set; }

    public List<VisionBlock>? Blocks { get; set; }
}

internal sealed class VisionBlock
{
    public List<VisionParagraph>? Paragraphs { get; set; }
}

internal sealed class VisionParagraph
{
    public VisionPolygon? BoundingBox { get; set; }

    public double? Confidence { get; set; }

    public List<VisionWord>? Words { get; set; }
}

internal sealed class VisionWord
{
    public List<VisionSymbol>? Symbols { get; set; }
}

internal sealed class VisionSymbol
{
    public string? Text { get; set; }
}

internal sealed class VisionPolygon
{
    public List<VisionVertex>? Vertices { get; set; }

    public List<VisionNormalizedVertex>? NormalizedVertices { get; set; }
}

/// <summary>Proto3 JSON leaves out zero coordinates, so a missing x or y is 0.</summary>
internal sealed class VisionVertex
{
    public double X { get; set; }

    public double Y { get; set; }
}

internal sealed class VisionNormalizedVertex
{
    public double X { get; set; }

    public double Y { get; set; }
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(VisionBatchResponse))]
[JsonSerializable(typeof(GoogleErrorBody))]
internal sealed partial class VisionJsonContext : JsonSerializerContext;

/// <summary>Turns a Vision response into blocks (domain.md §5.3): one block per paragraph, in Vision's reading order.</summary>
internal static class VisionAnnotationMapper
{
    public const string NoBlocks = "no OCR blocks";

    public static RecognizedPage ToPage(VisionBatchResponse? batch, PageImage image)
    {
        if (batch?.Responses is not { Count: > 0 } responses)
        {
            throw new OcrEngineException(OcrFailureKind.Transient, "Vision answered without a response for the image.");
        }

        var response = responses[0];
        if (response.Error is { } error)
        {
            throw FromStatus(error);
        }

        if (response.FullTextAnnotation?.Pages is not { Count: > 0 } pages)
        {
            throw new OcrEngineException(OcrFailureKind.InvalidInput, NoBlocks);
        }

        var page = pages[0];
        var width = page.Width > 0 ? page.Width : image.Width;
        var height = page.Height > 0 ? page.Height : image.Height;
        var blocks = new List<TextBlock>();
        foreach (var paragraph in (page.Blocks ?? []).SelectMany(b => b.Paragraphs ?? []))
        {
            var words = (paragraph.Words ?? [])
                .Select(w => string.Concat((w.Symbols ?? []).Select(s => s.Text)))
                .Where(w => w.Length > 0);
            var text = string.Join(' ', words);
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            var confidence = paragraph.Confidence is { } c && double.IsFinite(c) ? Math.Clamp(c, 0, 1) : 0.5;
            blocks.Add(new TextBlock(blocks.Count, ResidentNumberMasker.Apply(text), Box(paragraph.BoundingBox, width, height), confidence));
        }

        return blocks.Count > 0
            ? new RecognizedPage(width, height, blocks)
            : throw new OcrEngineException(OcrFailureKind.InvalidInput, NoBlocks);
    }

    /// <summary>Maps a google.rpc.Status (per-image error) to a failure kind.</summary>
    public static OcrEngineException FromStatus(VisionStatus status)
    {
        var kind = status.Code switch
        {
            3 or 11 => OcrFailureKind.InvalidInput, // INVALID_ARGUMENT, OUT_OF_RANGE: the image itself
            7 or 12 or 16 => OcrFailureKind.Configuration, // PERMISSION_DENIED, UNIMPLEMENTED, UNAUTHENTICATED
            8 => OcrFailureKind.RateLimited, // RESOURCE_EXHAUSTED
            _ => OcrFailureKind.Transient, // UNKNOWN, DEADLINE_EXCEEDED, INTERNAL, UNAVAILABLE, ...
        };
        var name = string.IsNullOrWhiteSpace(status.Status) ? "" : $" {status.Status}";
        return new OcrEngineException(kind, $"Vision could not annotate the image: code {status.Code}{name}{Describe(status.Message)}.");
    }

    /// <summary>Google's error text, shortened; it describes the request, never the page's content.</summary>
    public static string Describe(string? message) =>
        string.IsNullOrWhiteSpace(message) ? "" : $" ({(message.Length > 200 ? message[..200] + "…" : message)})";

    private static BoundingBox? Box(VisionPolygon? polygon, int width, int height)
    {
        if (polygon?.Vertices is { Count: > 0 } vertices)
        {
            return new BoundingBox(vertices.Min(v => v.X), vertices.Min(v => v.Y), vertices.Max(v => v.X), vertices.Max(v => v.Y));
        }

        if (polygon?.NormalizedVertices is { Count: > 0 } normalized)
        {
            return new BoundingBox(
                normalized.Min(v => v.X) * width, normalized.Min(v => v.Y) * height, normalized.Max(v => v.X) * width, normalized.Max(v => v.Y) * height);
        }

        return null;
    }
}
