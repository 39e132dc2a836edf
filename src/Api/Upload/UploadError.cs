using System.Text.Json.Serialization;

namespace VNexsus.Api.Upload;

/// <summary>The v1 error body: <c>{ error, status: "error", code, ...extra }</c> (domain.md §4.1).</summary>
public sealed record UploadError(int HttpStatus, string Code, string Message, IReadOnlyDictionary<string, object>? Extra = null)
{
    public IResult ToResult()
    {
        var body = new Dictionary<string, object?> { ["error"] = Message, ["status"] = "error", ["code"] = Code };
        foreach (var (key, value) in Extra ?? new Dictionary<string, object>())
        {
            body[key] = value;
        }

        return Results.Json(body, statusCode: HttpStatus);
    }

    public static UploadError NoFiles() => new(400, "NO_FILES", "업로드된 파일이 없습니다.");

    public static UploadError FileTooLarge(long maxBytes) =>
        new(400, "FILE_TOO_LARGE", $"파일 크기가 너무 큽니다. 최대 {maxBytes / (1024 * 1024)}MB까지 업로드할 수 있습니다.");

    public static UploadError TooManyFiles(int received, int max) =>
        new(400, "TOO_MANY_FILES", $"한 번에 최대 {max}개의 파일만 업로드할 수 있습니다.", new Dictionary<string, object> { ["filesReceived"] = received, ["maxAllowed"] = max });

    public static UploadError InvalidFileType(IReadOnlyList<RefusedFile> files) =>
        new(400, "INVALID_FILE_TYPE", "지원하지 않는 파일 형식입니다. PDF, PNG, JPEG, TXT 파일만 업로드할 수 있으며, 파일 내용이 확장자와 같은 형식이어야 합니다.",
            new Dictionary<string, object> { ["invalidFiles"] = files.Select(f => f.Name).ToList(), ["details"] = files });

    public static UploadError EmptyFiles(IReadOnlyList<RefusedFile> files) =>
        new(400, "EMPTY_FILES", "비어 있는 파일이 있습니다.", new Dictionary<string, object> { ["emptyFiles"] = files.Select(f => f.Name).ToList(), ["details"] = files });

    public static UploadError CorruptFiles(IEnumerable<CorruptFile> files, IEnumerable<RefusedFile> details) =>
        new(400, "CORRUPT_FILES", "손상되었거나 암호화된 파일이 있습니다.", new Dictionary<string, object> { ["corruptFiles"] = files.ToList(), ["details"] = details.ToList() });

    /// <summary>Not in v1: an image whose header declares more pixels than the limits allow, refused before any decoding.</summary>
    public static UploadError ImageTooLarge(IEnumerable<OversizedImage> images, IEnumerable<RefusedFile> details) =>
        new(400, "IMAGE_TOO_LARGE", "이미지의 픽셀 크기가 너무 큽니다.", new Dictionary<string, object> { ["oversizedImages"] = images.ToList(), ["details"] = details.ToList() });

    public static UploadError Malformed(string detail) => new(400, "UPLOAD_ERROR", $"업로드 요청을 처리할 수 없습니다: {detail}");

    public static UploadError InvalidJoinDate() =>
        new(400, "VALIDATION_ERROR", "보험가입일(insuranceJoinDate)은 yyyy-MM-dd 형식의 유효한 날짜여야 합니다.");

    public static UploadError UnknownPolicy() =>
        new(400, "VALIDATION_ERROR", "알 수 없는 고지 기간 정책(policy)입니다. GET /api/policies의 policyId 중 하나를 보내십시오.", new Dictionary<string, object> { ["field"] = "policy" });

    public static UploadError InvalidContracts(string message) =>
        new(400, "VALIDATION_ERROR", message, new Dictionary<string, object> { ["field"] = "contracts" });

    public static UploadError ServerError() => new(500, "SERVER_ERROR", "OCR 처리 중 오류가 발생했습니다.");

    /// <summary>How long a client is asked to wait after a 503 (<c>Retry-After</c> and the body's <c>retryAfter</c>).</summary>
    public const int RetryAfterSeconds = 30;

    public static UploadError Unavailable() =>
        new(503, "SERVICE_UNAVAILABLE", "서비스를 일시적으로 사용할 수 없습니다. 잠시 후 다시 시도하십시오.", new Dictionary<string, object> { ["retryAfter"] = RetryAfterSeconds });
}

public sealed record CorruptFile([property: JsonPropertyName("name")] string Name, [property: JsonPropertyName("size")] long Size);

/// <summary>One refused file and why, in Korean (the additive <c>details</c> of a per-file refusal).</summary>
public sealed record RefusedFile([property: JsonPropertyName("name")] string Name, [property: JsonPropertyName("reason")] string Reason);

public sealed record OversizedImage([property: JsonPropertyName("name")] string Name, [property: JsonPropertyName("width")] int Width, [property: JsonPropertyName("height")] int Height);
