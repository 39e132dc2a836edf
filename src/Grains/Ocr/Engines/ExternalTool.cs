using System.ComponentModel;
using System.Diagnostics;

namespace VNexsus.Ocr.Engines;

/// <summary>Starts a command-line tool the OCR stage relies on (tesseract, pdftoppm), with a clear error if it is missing.</summary>
public static class ExternalTool
{
    public static Process Start(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start) ?? throw new OcrEngineException(OcrFailureKind.Configuration, $"{start.FileName} could not be started");
        }
        catch (Win32Exception error)
        {
            throw new OcrEngineException(OcrFailureKind.Configuration, $"{start.FileName} is not installed (scripts/install-deps installs it)", inner: error);
        }
    }
}
