using System.Text.Json.Serialization;

namespace VNexsus.Ocr;

/// <summary>A rectangle in the page's own units (PDF points for a text layer, pixels for OCR), origin top-left.</summary>
public sealed record BoundingBox(double XMin, double YMin, double XMax, double YMax);

/// <summary>A unit of text with where it sits on the page; for a text layer, one visual line.</summary>
public sealed record TextBlock(int Index, string Text, BoundingBox? Box, double Confidence);

public enum PageTextSource
{
    TextLayer,
    Ocr,
    DirectText,
    None,
}

/// <summary>One upload-order page. <see cref="NeedsOcrReason"/> says why its text layer was not used.</summary>
public sealed record ExtractedPage(
    int Page,
    double Width,
    double Height,
    PageTextSource Source,
    IReadOnlyList<TextBlock> Blocks,
    string? NeedsOcrReason)
{
    [JsonIgnore]
    public string Text => string.Join('\n', Blocks.Select(b => b.Text));
}

/// <summary>The text of a whole document, kept in the extraction store under its SHA-256.</summary>
public sealed record ExtractedDocument(IReadOnlyList<ExtractedPage> Pages)
{
    /// <summary>Pages joined by a blank line, as the v1 result's <c>mergedText</c>.</summary>
    [JsonIgnore]
    public string MergedText => string.Join("\n\n", Pages.Select(p => p.Text).Where(t => t.Length > 0));
}
