using System.Globalization;
using VNexsus.Ocr.Imaging;

namespace VNexsus.Ocr.Engines.Tesseract;

/// <summary>
/// One kind of recognition call: the model (<see cref="Languages"/>), the page segmentation mode and the run-time
/// variables (the CLI's <c>-c name=value</c>), and whether Tesseract's plain text is wanted besides its TSV.
/// </summary>
public sealed record TesseractPass(string Languages, int PageSegmentationMode, IReadOnlyList<KeyValuePair<string, string>> Variables, bool WithText)
{
    /// <summary>The TSV header line of Tesseract's TSV renderer; <see cref="TesseractTsv.ParseWords"/> starts reading after it.</summary>
    /// <summary>The page segmentation mode that only detects the page's orientation (and script), reading no text.</summary>
    public const int OrientationOnly = 0;

    public const string TsvHeader = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n";

    /// <summary>The arguments of <c>tesseract stdin stdout …</c> that make this pass and write TSV (then the text) to stdout.</summary>
    public IEnumerable<string> ToArguments()
    {
        string[] arguments = ["stdin", "stdout", "-l", Languages, "--psm", PageSegmentationMode.ToString(CultureInfo.InvariantCulture)];
        var variables = Variables.SelectMany(variable => (string[])["-c", $"{variable.Key}={variable.Value}"]);
        return [.. arguments, .. variables, "tsv", .. WithText ? (string[])["txt"] : []];
    }
}

/// <summary>Reads one image with one <see cref="TesseractPass"/> and answers in the CLI's stdout format (TSV, then text when asked).</summary>
public interface ITesseractReader : IDisposable
{
    TesseractPass Pass { get; }

    Task<string> ReadAsync(GrayImage image, CancellationToken cancellationToken);
}
