namespace VNexsus.Testing;

/// <summary>The synthetic corpus in <c>test/fixtures</c> (see generate.py there); copied beside every test assembly.</summary>
public static class Fixtures
{
    public const string OutpatientPdf = "outpatient-record.pdf";
    public const string ScannedPdf = "scanned-record.pdf";
    public const string MixedPdf = "mixed-record.pdf";
    public const string TruncatedPdf = "truncated-record.pdf";
    public const string OutpatientText = "outpatient-record.txt";
    public const string OutpatientTextCp949 = "outpatient-record-cp949.txt";
    public const string ScanPng = "scan-page.png";
    public const string ScanJpeg = "scan-page.jpg";

    /// <summary>A heavy scan (200 dpi, noise, specks, JPEG quality 40) of a seven-line discharge summary on an A4 page: bench/ocr-corpus/scan_pdf.py --profile heavy of test/golden/cases/admission_discharge-01.</summary>
    public const string ShortRecordHeavyScan = "short-record-heavy-scan.jpg";

    /// <summary>A heavy scan of a five-line outpatient record (0.5 % ink): bench/ocr-corpus/scan_pdf.py --profile heavy of test/golden/cases/several_hospitals-01, its first file.</summary>
    public const string FiveLineRecordHeavyScan = "five-line-record-heavy-scan.jpg";

    /// <summary>
    /// A heavy scan of a discharge summary whose diagnosis table holds <c>J20.9</c> between <c>F32.9</c> and <c>H10.9</c>:
    /// page 3 of the heavy profile of bench/ocr-corpus/generate.py --docs 16 --seed 23. Both digit-reading models miss its
    /// J (Korean <c>120.9</c>, Latin <c>320.9</c>); the engine of session 7 wrote the false code <c>I20.9</c>.
    /// </summary>
    public const string DiagnosisTableHeavyScan = "diagnosis-table-heavy-scan.jpg";

    /// <summary>The synthetic resident registration number printed on page 1 of the outpatient record.</summary>
    public const string ResidentNumber = "800101-1234567";

    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "fixtures", name);

    public static byte[] Bytes(string name) => File.ReadAllBytes(PathOf(name));

    /// <summary>A text file unique to the calling test, so tests never share cache entries by accident.</summary>
    public static byte[] UniqueText(string body = "2024.03.07 내과 외래 진료") =>
        System.Text.Encoding.UTF8.GetBytes($"{body}\n고유번호 {UniqueMarker()}\n");

    /// <summary>
    /// A token no other test run shares, written in the letters a–p. Not a hexadecimal id: about one id in 5,000 holds
    /// 13 digits in a row shaped like a resident registration number, which the masker rightly hides, and a test
    /// looking for its marker in the extracted text then fails by chance.
    /// </summary>
    public static string UniqueMarker() =>
        string.Concat(Guid.NewGuid().ToByteArray().Select(b => $"{(char)('a' + (b >> 4))}{(char)('a' + (b & 15))}"));
}
