using System.Text;

namespace VNexsus.Ocr.Inspection;

/// <summary>What a file's first bytes say it is.</summary>
public enum SniffedFormat
{
    Unknown,
    Pdf,
    Png,
    Jpeg,
    Text,
    Tiff,
    Gif,
    Bmp,
    WebP,
    Zip,
    Gzip,
    Html,
    Executable,
}

/// <summary>
/// Decides a file's type from its content, never from its name or declared type. Only the first bytes are needed
/// (<see cref="HeadLength"/>). A file is of one format only: a PDF header within the first kilobyte of anything that is
/// not a PDF makes a polyglot (PDF readers accept a header that late), which is refused rather than guessed at.
/// </summary>
public static class ContentType
{
    public const int HeadLength = 2048;

    /// <summary>PDF readers look this far for <c>%PDF-</c>.</summary>
    private const int PdfHeaderWindow = 1024;

    private static readonly (byte[] Signature, SniffedFormat Format)[] Signatures =
    [
        ("%PDF-"u8.ToArray(), SniffedFormat.Pdf),
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], SniffedFormat.Png),
        ([0xFF, 0xD8, 0xFF], SniffedFormat.Jpeg),
        ("II*\0"u8.ToArray(), SniffedFormat.Tiff),
        ("MM\0*"u8.ToArray(), SniffedFormat.Tiff),
        ("GIF8"u8.ToArray(), SniffedFormat.Gif),
        ("PK\x03\x04"u8.ToArray(), SniffedFormat.Zip),
        ("PK\x05\x06"u8.ToArray(), SniffedFormat.Zip),
        ([0x1F, 0x8B], SniffedFormat.Gzip),
        ([0x7F, 0x45, 0x4C, 0x46], SniffedFormat.Executable),
    ];

    private static readonly string[] HtmlStarts = ["<!doctype html", "<html", "<script", "<svg", "<?xml", "<body", "<head", "<iframe"];

    public static SniffedFormat Sniff(ReadOnlySpan<byte> head)
    {
        foreach (var (signature, format) in Signatures)
        {
            if (head.StartsWith(signature))
            {
                return format;
            }
        }

        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
        {
            return SniffedFormat.WebP;
        }

        if (head.Contains((byte)0))
        {
            // Two-letter signatures would match ordinary text ("BMI 23.1"), so they count only in binary content.
            return head.StartsWith("BM"u8) ? SniffedFormat.Bmp : head.StartsWith("MZ"u8) ? SniffedFormat.Executable : SniffedFormat.Unknown;
        }

        var start = Encoding.Latin1.GetString(head[..Math.Min(head.Length, 256)]).TrimStart('\uFEFF', '\u00EF', '\u00BB', '\u00BF', ' ', '\t', '\r', '\n');
        return HtmlStarts.Any(tag => start.StartsWith(tag, StringComparison.OrdinalIgnoreCase)) ? SniffedFormat.Html : SniffedFormat.Text;
    }

    /// <summary>True when a file that is not a PDF still carries a PDF header where PDF readers would find it.</summary>
    public static bool IsPolyglot(ReadOnlySpan<byte> head, SniffedFormat format) =>
        format != SniffedFormat.Pdf && head[..Math.Min(head.Length, PdfHeaderWindow)].IndexOf("%PDF-"u8) >= 0;

    /// <summary>The document kind a format is read as, or null for formats the product does not read.</summary>
    public static DocumentKind? KindOf(SniffedFormat format) => format switch
    {
        SniffedFormat.Pdf => DocumentKind.Pdf,
        SniffedFormat.Png => DocumentKind.Png,
        SniffedFormat.Jpeg => DocumentKind.Jpeg,
        SniffedFormat.Text => DocumentKind.Text,
        _ => null,
    };

    /// <summary>The format's name as users know it, for messages.</summary>
    public static string Describe(SniffedFormat format) => format switch
    {
        SniffedFormat.Pdf => "PDF",
        SniffedFormat.Png => "PNG 이미지",
        SniffedFormat.Jpeg => "JPEG 이미지",
        SniffedFormat.Text => "텍스트",
        SniffedFormat.Tiff => "TIFF 이미지",
        SniffedFormat.Gif => "GIF 이미지",
        SniffedFormat.Bmp => "BMP 이미지",
        SniffedFormat.WebP => "WebP 이미지",
        SniffedFormat.Zip => "ZIP 압축 파일",
        SniffedFormat.Gzip => "gzip 압축 파일",
        SniffedFormat.Html => "HTML/XML 문서",
        SniffedFormat.Executable => "실행 파일",
        _ => "알 수 없는 이진 파일",
    };
}
