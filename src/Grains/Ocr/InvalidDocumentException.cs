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
    public const string NoPages = "NO_PAGES";
    public const string TooManyPages = "TOO_MANY_PAGES";
    public const string ImageTooLarge = "IMAGE_TOO_LARGE";
    public const string DecompressionLimit = "DECOMPRESSION_LIMIT";
    public const string Timeout = "PROCESSING_TIMEOUT";
    public const string TooComplex = "DOCUMENT_TOO_COMPLEX";
    public const string WrongContent = "CONTENT_TYPE_MISMATCH";
}
