using System.Text;
using VNexsus.Hosting;
using VNexsus.Ocr;
using VNexsus.Ocr.Inspection;
using VNexsus.Ocr.Rendering;

namespace VNexsus.Api.Upload;

/// <summary>What the API knows of one received file before it becomes part of a job.</summary>
public sealed record ReceivedFile(string FileName, string DeclaredType, long Size, byte[] Head);

public enum FileProblem
{
    None,
    InvalidType,
    Empty,
    Corrupt,
    ImageTooLarge,
}

/// <summary>The outcome of the checks on one file: its kind when accepted, else the problem and why, in Korean.</summary>
public sealed record FileCheck(FileProblem Problem, DocumentKind? Kind, string? Reason = null, (int Width, int Height)? ImageSize = null)
{
    public static FileCheck Accepted(DocumentKind kind) => new(FileProblem.None, kind);
}

/// <summary>
/// The per-file checks of domain.md §4.1, with the type decided by the content (<see cref="ContentType"/>):
/// <list type="bullet">
/// <item>the declared MIME type and the extension must both be accepted and agree (v1), and the content must be of the
/// same kind — a file whose content is another format (a PNG named .jpg, a ZIP or HTML page named .pdf), or a polyglot
/// carrying a PDF header inside another format, is <see cref="FileProblem.InvalidType"/>;</item>
/// <item>at least the minimum size (<see cref="FileProblem.Empty"/>);</item>
/// <item>content that is no known format for its kind, a PDF under 100 bytes or declaring encryption early, and an image
/// whose header cannot be read from the first bytes are <see cref="FileProblem.Corrupt"/>;</item>
/// <item>an image whose header declares more pixels than <see cref="DocumentLimits"/> allow is
/// <see cref="FileProblem.ImageTooLarge"/>, decided before anything is decoded.</item>
/// </list>
/// Whatever only the whole file can tell (page count, stream sizes, a JPEG frame header past the first bytes) is checked
/// by the extraction and ends as a per-file error of the job.
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

    /// <summary>The document kind for an accepted name and declared type, else null.</summary>
    public static DocumentKind? KindOf(string fileName, string declaredType)
    {
        var mime = declaredType.Split(';')[0].Trim();
        return Accepted.TryGetValue(Path.GetExtension(fileName), out var accepted)
               && accepted.MimeTypes.Contains(mime, StringComparer.OrdinalIgnoreCase)
            ? accepted.Kind
            : null;
    }

    public static FileCheck Check(ReceivedFile file, UploadOptions upload, DocumentLimits limits)
    {
        if (KindOf(file.FileName, file.DeclaredType) is not { } declared)
        {
            return new FileCheck(FileProblem.InvalidType, null, "확장자와 MIME 형식이 PDF, PNG, JPEG, TXT 중 하나로 일치해야 합니다");
        }

        if (file.Size < upload.MinFileBytes)
        {
            return new FileCheck(FileProblem.Empty, declared, $"{upload.MinFileBytes}바이트보다 작습니다");
        }

        var head = file.Head.AsSpan();
        var format = ContentType.Sniff(head);
        if (ContentType.IsPolyglot(head, format))
        {
            return new FileCheck(FileProblem.InvalidType, declared, $"{ContentType.Describe(format)} 안에 PDF 머리글이 있는 복합(polyglot) 파일입니다");
        }

        if (format == SniffedFormat.Text && declared != DocumentKind.Text)
        {
            // Bytes without a signature that happen to contain no NUL: a damaged file far more often than a text file.
            return new FileCheck(FileProblem.Corrupt, declared, $"{Describe(declared)} 파일의 형식 표지(시그니처)가 없습니다");
        }

        if (ContentType.KindOf(format) is { } actual && actual != declared)
        {
            return new FileCheck(FileProblem.InvalidType, declared, $"내용은 {ContentType.Describe(format)}인데 {Describe(declared)}(으)로 올라왔습니다");
        }

        if (ContentType.KindOf(format) is null)
        {
            return format == SniffedFormat.Unknown
                ? new FileCheck(FileProblem.Corrupt, declared, $"{Describe(declared)} 파일의 형식 표지(시그니처)가 없습니다")
                : new FileCheck(FileProblem.InvalidType, declared, $"내용이 지원하지 않는 형식({ContentType.Describe(format)})입니다");
        }

        return declared switch
        {
            DocumentKind.Pdf when file.Size < MinPdfBytes => new FileCheck(FileProblem.Corrupt, declared, $"PDF가 {MinPdfBytes}바이트보다 작습니다"),
            DocumentKind.Pdf when DeclaresEncryption(head) => new FileCheck(FileProblem.Corrupt, declared, "암호화된 PDF입니다"),
            DocumentKind.Png or DocumentKind.Jpeg => CheckImage(head, declared, limits),
            _ => FileCheck.Accepted(declared),
        };
    }

    /// <summary>
    /// The refusal of an upload for its files, or null when every file passed. The codes of domain.md §4.1 keep their
    /// v1 lists of names; <c>details</c> adds each refused file's reason.
    /// </summary>
    public static UploadError? CheckFiles(UploadBatch batch, UploadOptions upload, DocumentLimits limits)
    {
        if (batch.FilesReceived == 0)
        {
            return UploadError.NoFiles();
        }

        if (batch.FilesReceived > upload.MaxFiles)
        {
            return UploadError.TooManyFiles(batch.FilesReceived, upload.MaxFiles);
        }

        var checks = batch.Files.Select(f => (File: f, Check: Check(f.Received, upload, limits))).ToList();
        List<RefusedFile> Refused(FileProblem problem) =>
            checks.Where(c => c.Check.Problem == problem).Select(c => new RefusedFile(c.File.FileName, c.Check.Reason ?? string.Empty)).ToList();

        if (Refused(FileProblem.InvalidType) is { Count: > 0 } invalid)
        {
            return UploadError.InvalidFileType(invalid);
        }

        if (Refused(FileProblem.Empty) is { Count: > 0 } empty)
        {
            return UploadError.EmptyFiles(empty);
        }

        if (checks.Where(c => c.Check.Problem == FileProblem.Corrupt).ToList() is { Count: > 0 } corrupt)
        {
            return UploadError.CorruptFiles(
                corrupt.Select(c => new CorruptFile(c.File.FileName, c.File.Blob.Length)),
                corrupt.Select(c => new RefusedFile(c.File.FileName, c.Check.Reason ?? string.Empty)));
        }

        if (checks.Where(c => c.Check.Problem == FileProblem.ImageTooLarge).ToList() is { Count: > 0 } oversized)
        {
            return UploadError.ImageTooLarge(
                oversized.Select(c => new OversizedImage(c.File.FileName, c.Check.ImageSize!.Value.Width, c.Check.ImageSize.Value.Height)),
                oversized.Select(c => new RefusedFile(c.File.FileName, c.Check.Reason ?? string.Empty)));
        }

        return null;
    }

    private static FileCheck CheckImage(ReadOnlySpan<byte> head, DocumentKind kind, DocumentLimits limits)
    {
        var size = ImageHeader.SizeOf(head, kind == DocumentKind.Png ? ImageHeader.Png : ImageHeader.Jpeg);
        if (size is null)
        {
            // A JPEG's frame header may follow more metadata than the first bytes hold: the extraction reads further.
            return kind == DocumentKind.Png
                ? new FileCheck(FileProblem.Corrupt, kind, "PNG 머리글(IHDR)이 없습니다")
                : FileCheck.Accepted(kind);
        }

        if (size.Value.Width <= 0 || size.Value.Height <= 0)
        {
            return new FileCheck(FileProblem.Corrupt, kind, $"이미지 머리글의 크기({size.Value.Width}×{size.Value.Height})가 올바르지 않습니다");
        }

        return limits.ImageSizeProblem(size.Value.Width, size.Value.Height) is { } problem
            ? new FileCheck(FileProblem.ImageTooLarge, kind, problem, size)
            : FileCheck.Accepted(kind);
    }

    private static string Describe(DocumentKind kind) => kind switch
    {
        DocumentKind.Pdf => "PDF",
        DocumentKind.Png => "PNG",
        DocumentKind.Jpeg => "JPEG",
        _ => "텍스트",
    };

    private static bool DeclaresEncryption(ReadOnlySpan<byte> head)
    {
        var text = Encoding.Latin1.GetString(head[..Math.Min(head.Length, EncryptionScanBytes)]);
        return text.Contains("/Encrypt", StringComparison.Ordinal) && text.Contains("/Filter", StringComparison.Ordinal);
    }
}
