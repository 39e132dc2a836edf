using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using VNexsus.Hosting;
using VNexsus.Ocr.Inspection;
using VNexsus.Storage;

namespace VNexsus.Api.Upload;

/// <summary>One file of an upload, staged on disk (not yet a blob).</summary>
public sealed record StagedUpload(string FileName, string DeclaredType, StagedBlob Blob)
{
    public ReceivedFile Received => new(FileName, DeclaredType, Blob.Length, Blob.Head);
}

/// <summary>Everything one upload request carried. Disposing it discards whatever was not committed.</summary>
public sealed class UploadBatch : IDisposable
{
    public List<StagedUpload> Files { get; } = [];

    /// <summary>File parts received, including those past the limit (they are counted, not kept).</summary>
    public int FilesReceived { get; set; }

    public string? InsuranceJoinDate { get; set; }

    /// <summary>The disclosure window policy id chosen for the review (empty: the configured default).</summary>
    public string? Policy { get; set; }

    /// <summary>Several contracts as a JSON array (<c>ContractsInput</c>), instead of <see cref="InsuranceJoinDate"/> and <see cref="Policy"/>.</summary>
    public string? Contracts { get; set; }

    public void Dispose()
    {
        foreach (var file in Files)
        {
            file.Blob.Dispose();
        }
    }
}

/// <summary>
/// Reads a <c>multipart/form-data</c> upload section by section, streaming each file of the <c>files</c> field into the
/// blob store's staging area while hashing it, so no file is ever buffered whole. Stops at the first file over the
/// size limit. The v1 fields <c>patientName</c>, <c>patientMemo</c> and <c>insuranceData</c> are read and dropped:
/// personal data is neither stored nor logged.
/// </summary>
public sealed class UploadReader(BlobStore blobs, IOptions<VNexsusOptions> options)
{
    public const string FilesField = "files";
    public const string JoinDateField = "insuranceJoinDate";
    public const string PolicyField = "policy";
    public const string ContractsField = "contracts";
    private const int MaxFieldBytes = 4096;
    private const int MaxNameLength = 255;

    public UploadOptions Limits => options.Value.Upload;

    public DocumentLimits DocumentLimits => options.Value.Ocr.Limits;

    public async Task<(UploadBatch Batch, UploadError? Error)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var batch = new UploadBatch();
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !contentType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(contentType.Boundary).Value is not { Length: > 0 } boundary)
        {
            return (batch, UploadError.Malformed("multipart/form-data 요청이 아닙니다"));
        }

        try
        {
            var reader = new MultipartReader(boundary, request.Body);
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
                {
                    return (batch, UploadError.Malformed("Content-Disposition 헤더가 없습니다"));
                }

                var error = disposition.IsFileDisposition()
                    ? await ReadFileAsync(batch, section, disposition, cancellationToken)
                    : await ReadFieldAsync(batch, section, disposition, cancellationToken);
                if (error is not null)
                {
                    return (batch, error);
                }
            }
        }
        catch (Exception error) when (error is InvalidDataException or BadHttpRequestException)
        {
            // A malformed body or one over Kestrel's limit; faults of our own storage are not the client's and go on as 500.
            return (batch, UploadError.Malformed("multipart 본문을 읽을 수 없습니다"));
        }

        return (batch, null);
    }

    private async Task<UploadError?> ReadFileAsync(UploadBatch batch, MultipartSection section, ContentDispositionHeaderValue disposition, CancellationToken cancellationToken)
    {
        if (!string.Equals(disposition.Name.Value, FilesField, StringComparison.Ordinal))
        {
            return UploadError.Malformed($"파일은 '{FilesField}' 필드로 보내야 합니다");
        }

        batch.FilesReceived++;
        if (batch.FilesReceived > Limits.MaxFiles)
        {
            await section.Body.CopyToAsync(Stream.Null, cancellationToken);
            return null;
        }

        var staged = await blobs.StageAsync(section.Body, Limits.MaxFileBytes, cancellationToken);
        if (staged.ExceededLimit)
        {
            return UploadError.FileTooLarge(Limits.MaxFileBytes);
        }

        var name = DisplayName(disposition.FileNameStar.Value ?? disposition.FileName.Value);
        batch.Files.Add(new StagedUpload(name, section.ContentType ?? string.Empty, staged));
        return null;
    }

    private static async Task<UploadError?> ReadFieldAsync(UploadBatch batch, MultipartSection section, ContentDispositionHeaderValue disposition, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[1024];
        int read;
        while ((read = await section.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxFieldBytes)
            {
                return UploadError.Malformed("폼 필드가 너무 깁니다");
            }

            buffer.Write(chunk, 0, read);
        }

        if (string.Equals(disposition.Name.Value, JoinDateField, StringComparison.Ordinal))
        {
            batch.InsuranceJoinDate = Encoding.UTF8.GetString(buffer.ToArray()).Trim();
        }
        else if (string.Equals(disposition.Name.Value, PolicyField, StringComparison.Ordinal))
        {
            batch.Policy = Encoding.UTF8.GetString(buffer.ToArray()).Trim();
        }
        else if (string.Equals(disposition.Name.Value, ContractsField, StringComparison.Ordinal))
        {
            batch.Contracts = Encoding.UTF8.GetString(buffer.ToArray()).Trim();
        }

        return null;
    }

    /// <summary>
    /// The client's name for the file, for display only (it never becomes a path): directory parts removed, and a name
    /// sent as raw UTF-8 bytes but read as Latin-1 repaired, control and direction-override characters dropped, at most
    /// 255 characters. The web app shows it as text, never as HTML.
    /// </summary>
    public static string DisplayName(string? raw)
    {
        var name = HeaderUtilities.RemoveQuotes(raw ?? string.Empty).Value ?? string.Empty;
        name = name[(name.LastIndexOfAny(['/', '\\']) + 1)..].Trim();
        if (name.Length > 0 && name.All(c => c <= 0xFF) && name.Any(c => c >= 0x80))
        {
            var bytes = Encoding.Latin1.GetBytes(name);
            try
            {
                name = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
            }
            catch (DecoderFallbackException)
            {
                // Genuinely Latin-1; keep it.
            }
        }

        // Control characters and bidirectional overrides ("\u202Efdp.exe" shows as "exe.pdf") have no place in a name
        // shown to an investigator; a name is cut to what a file system would allow.
        name = new string(name.Where(c => !char.IsControl(c) && !IsBidiControl(c)).ToArray()).Trim();
        if (name.Length > MaxNameLength)
        {
            var extension = Path.GetExtension(name);
            extension = extension.Length < MaxNameLength / 2 ? extension : string.Empty;
            name = name[..(MaxNameLength - extension.Length)] + extension;
        }

        return name.Length == 0 ? "unnamed" : name;
    }

    private static bool IsBidiControl(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F' or '\u061C';
}
