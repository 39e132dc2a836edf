namespace VNexsus.Ocr.Engines.Tesseract;

/// <summary>How the local engine runs Tesseract.</summary>
public enum TesseractRunner
{
    /// <summary>
    /// In this process through libtesseract, models loaded once per worker (the default: no model load per page). Falls back
    /// to <see cref="Process"/>, with a warning in the log, when the library cannot be loaded.
    /// </summary>
    Library,

    /// <summary>A <c>tesseract</c> child process per call: slower (a model load per call), but a crash stays in the child.</summary>
    Process,
}

/// <summary>Settings of the local engine; the defaults are the ones that measured best here (ocr-notes.md §5, §10).</summary>
public sealed class TesseractOptions
{
    public TesseractRunner Runner { get; set; } = TesseractRunner.Library;

    /// <summary>The CLI, for <see cref="TesseractRunner.Process"/> and for page images this process cannot decode.</summary>
    public string Executable { get; set; } = "tesseract";

    public string Languages { get; set; } = "kor+eng";

    /// <summary>Page segmentation mode 4 (a single column of text of variable sizes) reads ruled records best.</summary>
    public int PageSegmentationMode { get; set; } = 4;

    /// <summary>Erase table rules before recognition (the largest accuracy gain measured: CER 20.6 % → 5.6 % on light scans).</summary>
    public bool RemoveTableRules { get; set; } = true;

    /// <summary>
    /// When set, the main pass reads a page of a finer resolution than this (guessed from its size as an A4 page) at two
    /// thirds of its size: 300-dpi pages at 200 dpi, about a tenth less CPU a page. Unset by default (every page at its own
    /// size): on the synthetic corpora it met every target, but on held-out golden records it lost a diagnosis code that
    /// recurs on every visit (E11.8 read as <c>£118</c>), and with it disclosure candidates (README, session 12), and it
    /// still reads codes printed after names worse than full size does (golden dev2 set, session 13).
    /// </summary>
    public int? ReduceAboveDpi { get; set; }

    /// <summary>Below this, a page at its limit would be read at under 100 dpi, where Hangul at body sizes falls apart.</summary>
    public const int LowestReduceAboveDpi = 150;

    /// <summary>Re-read code-like tokens with a Latin-only model to recover the letter the Korean model loses (+0.1 s a page).</summary>
    public bool CodeSecondPass { get; set; } = true;

    /// <summary>The model of the second pass; it must know Latin capitals.</summary>
    public string CodeLanguages { get; set; } = "eng";

    /// <summary>
    /// Re-read damaged dates (unit syllables read as digits, lost separators) with the Korean model alone, on the pages
    /// that hold any; restore a lost separator from the date's other separators.
    /// </summary>
    public bool DateSecondPass { get; set; } = true;

    /// <summary>The model of the date pass; it must know 년, 월 and 일 and must not know Latin letters.</summary>
    public string DateLanguages { get; set; } = "kor";

    /// <summary>
    /// The model that re-reads dates printed with the Chinese characters for year, month and day (<see cref="Correction.HanjaDates"/>),
    /// which the Korean model does not hold (apt: <c>tesseract-ocr-chi-tra</c>). Empty, or a model not installed in
    /// <see cref="ModelDirectory"/>, turns the pass off.
    /// </summary>
    public string HanjaDateLanguages { get; set; } = "chi_tra";

    /// <summary>Where Tesseract's models are: <c>TESSDATA_PREFIX</c> when set, else Debian's directory.</summary>
    public string ModelDirectory { get; set; } = Environment.GetEnvironmentVariable("TESSDATA_PREFIX") is { Length: > 0 } prefix ? prefix : "/usr/share/tesseract-ocr/5/tessdata";

    /// <summary>Whether every model of <see cref="HanjaDateLanguages"/> is installed.</summary>
    public bool HanjaDatesReadable =>
        HanjaDateLanguages.Length > 0 && HanjaDateLanguages.Split('+').All(model => File.Exists(Path.Combine(ModelDirectory, $"{model}.traineddata")));

    /// <summary>A page that takes longer is given up (the process is killed, the in-process run stopped) and reported as unreadable.</summary>
    public TimeSpan PageTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Address space of one tesseract child process (<c>prlimit --as</c>); the Korean model and a 300-dpi page need about 400 MB.</summary>
    public int MaxMemoryMegabytes { get; set; } = 2048;

    public ToolLimits Limits => ToolLimits.Of(PageTimeout, MaxMemoryMegabytes);
}
