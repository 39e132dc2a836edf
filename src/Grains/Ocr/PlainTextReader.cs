using System.Text;
using VNexsus.Privacy;

namespace VNexsus.Ocr;

/// <summary>
/// Reads a plain-text export. UTF-8 (with or without BOM) is expected; text that is not valid UTF-8 is read as CP949,
/// the encoding of most Korean hospital systems. A form feed starts a new page; every non-empty line is a block.
/// </summary>
public static class PlainTextReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static PlainTextReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <exception cref="InvalidDocumentException">The bytes are not text.</exception>
    public static IReadOnlyList<ExtractedPage> Read(byte[] bytes, int maxPages = int.MaxValue)
    {
        var text = Decode(bytes);
        if (text.Contains('\0'))
        {
            throw new InvalidDocumentException(ExtractionErrors.NotText, "텍스트 파일이 아닙니다 (not a text file)");
        }

        var pageCount = text.Count(c => c == '\f') + 1;
        if (pageCount > maxPages)
        {
            throw new InvalidDocumentException(ExtractionErrors.TooManyPages, $"텍스트가 {pageCount}쪽(페이지 나눔 문자)으로 최대 {maxPages}쪽을 넘습니다 (too many pages)");
        }

        return text.Split('\f')
            .Select((pageText, index) => new ExtractedPage(index + 1, 0, 0, PageTextSource.DirectText, ToBlocks(pageText), null))
            .ToList();
    }

    private static string Decode(byte[] bytes)
    {
        var start = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? Encoding.UTF8.Preamble.Length : 0;
        try
        {
            return StrictUtf8.GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding(949).GetString(bytes);
        }
    }

    private static List<TextBlock> ToBlocks(string pageText) =>
        pageText.Split('\n')
            .Select(line => line.TrimEnd('\r').Trim())
            .Where(line => line.Length > 0)
            .Select((line, index) => new TextBlock(index, ResidentNumberMasker.Apply(line), null, 1.0))
            .ToList();
}
