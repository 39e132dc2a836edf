using System.Text;
using VNexsus.Hosting;
using VNexsus.Ocr;

namespace VNexsus.Api.Upload;

/// <summary>What the API knows of one received file before it becomes part of a job.</summary>
public sealed record ReceivedFile(string FileName, string DeclaredType, long Size, byte[] Head);

public enum FileProblem
{
    None,
    InvalidType,
    Empty,
    Corrupt,
}

/// <summary>
/// The per-file checks of domain.md §4.1: declared MIME type and extension must both be accepted and agree; at least
/// the minimum size; PDFs start with <c>%PDF</c>, are at least 100 bytes and are not encrypted; images carry their
/// format's signature; text is not binary.
/// </summary>
public static class UploadValidator
{
    public const int MinPdfBytes = 100;

    /// <summary>An encryption dictionary declared this early means the PDF cannot be read without a password.</summary>
    public const int EncryptionScanBytes = 2000;

    private static readonly Dictionary<string, (DocumentKind Kind, string[] MimeTypes)> Accepted = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = (DocumentKind.Pdf, ["application/pdf"]),
        [".png"] = (DocumentKind.Png, ["image/png"]),
        [".jpg"] = (DocumentKind.Jpeg, ["image/jpeg", "image/jpg"]),
        [".jpeg"] = (DocumentKind.Jpeg, ["image/jpeg", "image/jpg"]),
        [".txt"] = (DocumentKind.Text, ["text/plain"]),
    };

    private static readonly byte[] PdfSignature = "%PDF"u8.ToArray();
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] JpegSignature = [0xFF, 0xD8, 0xFF];

    /// <summary>The document kind for an accepted name and declared type, else null.</summary>
    public static DocumentKind? KindOf(string fileName, string declaredType)
    {
        var mime = declaredType.Split(';')[0].Trim();
        return Accepted.TryGetValue(Path.GetExtension(fileName), out var accepted)
               && accepted.MimeTypes.Contains(mime, StringComparer.OrdinalIgnoreCase)
            ? accepted.Kind
            : null;
    }

    public static FileProblem Check(ReceivedFile file, UploadOptions limits)
    {
        if (KindOf(file.FileName, file.DeclaredType) is not { } kind)
        {
            return FileProblem.InvalidType;
        }

        if (file.Size < limits.MinFileBytes)
        {
            return FileProblem.Empty;
        }

        var head = file.Head.AsSpan();
        var intact = kind switch
        {
            DocumentKind.Pdf => file.Size >= MinPdfBytes && head.StartsWith(PdfSignature) && !DeclaresEncryption(head),
            DocumentKind.Png => head.StartsWith(PngSignature),
            DocumentKind.Jpeg => head.StartsWith(JpegSignature),
            _ => !head.Contains((byte)0),
        };
        return intact ? FileProblem.None : FileProblem.Corrupt;
    }

    private static bool DeclaresEncryption(ReadOnlySpan<byte> head)
    {
        var text = Encoding.Latin1.GetString(head[..Math.Min(head.Length, EncryptionScanBytes)]);
        return text.Contains("/Encrypt", StringComparison.Ordinal) && text.Contains("/Filter", StringComparison.Ordinal);
    }
}
