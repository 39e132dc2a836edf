namespace VNexsus.Ocr.Engines;

/// <summary>The engine when none is configured: every page it is given fails with a message that says so.</summary>
public sealed class NoOcrEngine : IOcrEngine
{
    public const string NoneProfile = "none";

    public string Profile => NoneProfile;

    public Task<RecognizedPage> RecognizeAsync(PageImage page, CancellationToken cancellationToken) =>
        throw new OcrEngineException(OcrFailureKind.Configuration, DocumentExtractor.NoOcrEngineMessage);
}
