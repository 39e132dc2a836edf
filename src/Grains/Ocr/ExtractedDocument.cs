using System.Text.Json.Serialization;

namespace VNexsus.Ocr;

/// <summary>The text of a whole document, kept in the extraction store under its SHA-256.</summary>
public sealed record ExtractedDocument(IReadOnlyList<ExtractedPage> Pages)
{
    /// <summary>Pages joined by a blank line, as the v1 result's <c>mergedText</c>.</summary>
    [JsonIgnore]
    public string MergedText => string.Join("\n\n", Pages.Select(p => p.Text).Where(t => t.Length > 0));
}
