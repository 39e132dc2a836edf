namespace VNexsus.Ocr;

/// <summary>The document itself cannot be read; extracting it again gives the same answer, so the failure is cached.</summary>
public sealed class InvalidDocumentException(string code, string message, Exception? inner = null) : Exception(message, inner)
{
    public string Code { get; } = code;
}

/// <summary>Per-file error codes of an extraction, as shown in a failed file's result.</summary>
public static class ExtractionErrors
{
    public const string CorruptFile = "CORRUPT_FILE";
    public const string EncryptedPdf = "ENCRYPTED_PDF";
    public const string NotText = "NOT_TEXT";
    public const string NoOcrEngine = "NO_OCR_ENGINE";
    public const string NoText = "NO_TEXT";
    public const string OcrFailed = "OCR_FAILED";
    public const string ExtractionError = "EXTRACTION_ERROR";
}
