using System.Text;
using VNexsus.Ocr.Imaging;

namespace VNexsus.Ocr.Engines.Tesseract;

/// <summary>
/// A <see cref="TesseractPass"/> as one <c>tesseract</c> child process per call: the image on stdin, TSV on stdout, the
/// process killed at the page timeout and kept under the memory limit (<see cref="TesseractOptions.Limits"/>). It loads its
/// model on every call, but a crash or a runaway page cannot take the silo with it.
/// </summary>
public sealed class TesseractProcessReader(TesseractPass pass, TesseractOptions settings) : ITesseractReader
{
    /// <summary>The OpenMP build is 4.8× slower per page with its default threads; parallelism comes from one page per core.</summary>
    private static readonly Dictionary<string, string> SingleThreaded = new() { ["OMP_THREAD_LIMIT"] = "1" };

    public TesseractPass Pass => pass;

    /// <summary>The image goes as PGM: cheap to encode (never PNG, ocr-notes.md §4).</summary>
    public Task<string> ReadAsync(GrayImage image, CancellationToken cancellationToken) => ReadAsync(image.ToPgm(), cancellationToken);

    /// <summary>Reads an encoded image as it is: Tesseract's own decoders, in the child process, say whether it is an image at all.</summary>
    public async Task<string> ReadAsync(byte[] encodedImage, CancellationToken cancellationToken) =>
        Encoding.UTF8.GetString(await ExternalTool.RunAsync(settings.Executable, pass.ToArguments(), encodedImage, settings.Limits, cancellationToken, SingleThreaded));

    public void Dispose()
    {
        // Nothing outlives a call.
    }
}
