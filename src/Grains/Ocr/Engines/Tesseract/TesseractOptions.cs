namespace VNexsus.Ocr.Engines.Tesseract;

/// <summary>Settings of the local engine; the defaults are the ones that measured best here (ocr-notes.md §5, §10).</summary>
public sealed class TesseractOptions
{
    public string Executable { get; set; } = "tesseract";

    public string Languages { get; set; } = "kor+eng";

    /// <summary>Page segmentation mode 4 (a single column of text of variable sizes) reads ruled records best.</summary>
    public int PageSegmentationMode { get; set; } = 4;

    /// <summary>A page that takes longer is given up (the process is killed) and reported as unreadable.</summary>
    public TimeSpan PageTimeout { get; set; } = TimeSpan.FromMinutes(2);
}
