using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using SkiaSharp;
using VNexsus.Testing;

namespace VNexsus.HostileTests;

/// <summary>What the system must do with a hostile file.</summary>
public enum Expect
{
    /// <summary>A 4xx at upload.</summary>
    Refused,

    /// <summary>Accepted, then the file fails on its own with a clear message (and the code, when one is named).</summary>
    Failed,

    /// <summary>Either of the above; which one depends on how much of the damage the first bytes show.</summary>
    RefusedOrFailed,

    /// <summary>Read safely: the file completes and its text holds the case's marker (scripts ignored, structure recovered).</summary>
    Read,

    /// <summary>Random damage (truncation, bit flips): a 4xx, a per-file error with a message, or a completed file — never a 5xx or a stuck job.</summary>
    Any,
}

/// <summary>One file of the corpus: the case it stands for, what it is sent as, and what must happen to it.</summary>
public sealed record HostileFile(string Case, string FileName, string ContentType, byte[] Bytes, Expect Expect, string? Code = null, string? Marker = null)
{
    public override string ToString() => $"{Case} ({FileName}, {Bytes.Length} bytes, expect {Expect}{(Code is null ? "" : " " + Code)})";
}

/// <summary>
/// The hostile corpus, generated deterministically at test time (nothing binary is committed): structurally hostile PDFs
/// (no pages, too many pages, encryption, scripts and automatic actions, broken cross-reference tables, decompression
/// bombs in content, font, object and image streams, deep nesting, page-tree cycles, absurd declared sizes), polyglots
/// and files whose content contradicts their name, images declaring absurd dimensions, hostile text, hostile file
/// names, and truncations and bit flips of every valid fixture.
/// </summary>
public static class HostileCorpus
{
    /// <summary>The servers under test allow this many pages, so "too many pages" needs no 2,001-page file.</summary>
    public const int MaxPages = 50;

    private const int Seed = 20_261_126;

    private static readonly string[] Fixtures =
    [
        VNexsus.Testing.Fixtures.OutpatientPdf, VNexsus.Testing.Fixtures.MixedPdf, VNexsus.Testing.Fixtures.ScannedPdf,
        VNexsus.Testing.Fixtures.ScanJpeg, VNexsus.Testing.Fixtures.ScanPng, VNexsus.Testing.Fixtures.OutpatientText,
    ];

    private static readonly Lazy<IReadOnlyList<HostileFile>> Corpus =
        new(() => [.. Pdfs(), .. Bombs(), .. Polyglots(), .. Images(), .. Texts(), .. Names(), .. Truncations(), .. BitFlips()]);

    /// <summary>Made once per test run (the bombs take a few seconds to compress) and the same in every run.</summary>
    public static IReadOnlyList<HostileFile> All() => Corpus.Value;

    /// <summary>Small images for the Tesseract run: damaged scans and degenerate shapes, each read in seconds.</summary>
    public static IReadOnlyList<HostileFile> ForOcr()
    {
        var random = new Random(Seed + 1);
        var files = new List<HostileFile>
        {
            new("ocr/1x1-png", "dot.png", "image/png", EncodePng(1, 1), Expect.Failed),
            new("ocr/thin-png", "thin.png", "image/png", EncodePng(4000, 3), Expect.Any),
            new("ocr/blank-jpeg", "blank.jpg", "image/jpeg", EncodeJpeg(600, 400), Expect.Failed),
        };
        foreach (var fixture in (string[])[VNexsus.Testing.Fixtures.ScanJpeg, VNexsus.Testing.Fixtures.ScanPng])
        {
            var bytes = VNexsus.Testing.Fixtures.Bytes(fixture);
            var type = fixture.EndsWith(".png", StringComparison.Ordinal) ? "image/png" : "image/jpeg";
            foreach (var fraction in (double[])[0.3, 0.6, 0.95])
            {
                files.Add(new($"ocr/truncated-{fraction}", $"cut-{fraction}-{fixture}", type, bytes[..(int)(bytes.Length * fraction)], Expect.Any));
            }

            foreach (var flips in (int[])[4, 64])
            {
                files.Add(new($"ocr/bitflip-{flips}", $"flip-{flips}-{fixture}", type, FlipBits(bytes, flips, random, skip: 16), Expect.Any));
            }
        }

        return files;
    }

    private static IEnumerable<HostileFile> Pdfs()
    {
        const string marker = "VISIT 2024.03.07 INTERNAL MEDICINE";

        HostileFile Pdf(string name, byte[] bytes, Expect expect, string? code = null, string? expectMarker = null) =>
            new($"pdf/{name}", $"{name}.pdf", "application/pdf", bytes, expect, code, expectMarker);

        byte[] Text(string catalogExtra = "", string pageExtra = "", XrefStyle xref = XrefStyle.Correct, string trailer = "")
        {
            var (pdf, catalog) = PdfBuilder.TextDocument([[marker, "PATIENT: TEST"]], catalogExtra, pageExtra);
            return pdf.Build(catalog, trailer, xref);
        }

        // Zero pages, and a page count that lies.
        foreach (var (name, count) in (ValueTuple<string, int>[])[("zero-pages", 0), ("zero-kids-count-5", 5)])
        {
            var pdf = new PdfBuilder();
            pdf.Add("<< /Type /Catalog /Pages 2 0 R >>");
            pdf.Add($"<< /Type /Pages /Kids [] /Count {count} >>");
            yield return Pdf(name, pdf.Build(1, header: PaddedHeader), name == "zero-pages" ? Expect.Failed : Expect.RefusedOrFailed, name == "zero-pages" ? "NO_PAGES" : null);
        }

        // Too many pages: one content stream shared by MaxPages + 1 pages.
        {
            var pdf = new PdfBuilder();
            pdf.Add("<< /Type /Catalog /Pages 2 0 R >>");
            var tree = pdf.Reserve();
            var font = pdf.Add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
            var content = pdf.Add(PdfBuilder.Stream("", Encoding.Latin1.GetBytes(PdfBuilder.Content([marker]))));
            var kids = Enumerable.Range(0, MaxPages + 1)
                .Select(_ => pdf.Add($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {content} 0 R /Resources << /Font << /F1 {font} 0 R >> >> >>"))
                .ToList();
            pdf.Set(tree, $"<< /Type /Pages /Kids [{string.Join(' ', kids.Select(k => $"{k} 0 R"))}] /Count {kids.Count} >>");
            yield return Pdf("too-many-pages", pdf.Build(1), Expect.Failed, "TOO_MANY_PAGES");
        }

        // A page count of a billion over a single page.
        {
            var (pdf, catalog) = PdfBuilder.TextDocument([[marker]]);
            var bytes = Encoding.Latin1.GetString(pdf.Build(catalog)).Replace("/Count 1 ", "/Count 1000000000 ");
            yield return Pdf("count-a-billion", Encoding.Latin1.GetBytes(bytes), Expect.Any);
        }

        // Encryption declared early (the upload sees it) and late (only the reader does).
        var encrypt = "<< /Filter /Standard /V 2 /R 3 /Length 128 /P -3904 /O <" + new string('A', 64) + "> /U <" + new string('B', 64) + "> >>";
        {
            var pdf = new PdfBuilder();
            var enc = pdf.Add(encrypt);
            pdf.Add("<< /Type /Catalog /Pages 3 0 R >>");
            pdf.Add("<< /Type /Pages /Kids [] /Count 0 >>");
            yield return Pdf("encrypted-early", pdf.Build(2, $"/Encrypt {enc} 0 R /ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>]"), Expect.Refused);
        }

        {
            var (pdf, catalog) = PdfBuilder.TextDocument(Enumerable.Range(0, 8).Select(i => new[] { marker, new string('x', 400) }).ToList());
            var enc = pdf.Add(encrypt);
            yield return Pdf("encrypted-late", pdf.Build(catalog, $"/Encrypt {enc} 0 R /ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>]", header: PaddedHeader), Expect.Failed, "ENCRYPTED_PDF");
        }

        // Scripts and automatic actions: the text is read, the script never runs.
        yield return Pdf("javascript-openaction", Text("/OpenAction << /S /JavaScript /JS (app.alert\\('x'\\); this.exportDataObject\\({cName: 'a'}\\);) >>"), Expect.Read, expectMarker: marker);
        yield return Pdf("javascript-names", Text("/Names << /JavaScript << /Names [(a) << /S /JavaScript /JS (while\\(true\\){}) >>] >> >>"), Expect.Read, expectMarker: marker);
        yield return Pdf("launch-action", Text("/OpenAction << /S /Launch /F (cmd.exe) /Win << /F (cmd.exe) /P (/c calc) >> >>"), Expect.Read, expectMarker: marker);
        yield return Pdf("page-additional-actions", Text(pageExtra: "/AA << /O << /S /JavaScript /JS (app.alert\\(1\\)) >> >>"), Expect.Read, expectMarker: marker);
        yield return Pdf("uri-and-submitform", Text("/OpenAction << /S /SubmitForm /F << /FS /URL /F (http://127.0.0.1:1/steal) >> >>"), Expect.Read, expectMarker: marker);

        // Broken cross-reference tables: PdfPig rebuilds them by scanning, and then the text must be right.
        foreach (var style in (XrefStyle[])[XrefStyle.WrongOffsets, XrefStyle.ZeroOffsets, XrefStyle.StartBeyondEnd, XrefStyle.Missing])
        {
            yield return Pdf($"xref-{style}", Text(xref: style), Expect.Read, expectMarker: marker);
        }

        yield return Pdf("xref-a-billion-entries",
            Encoding.Latin1.GetBytes(Encoding.Latin1.GetString(Text()).Replace("xref\n0 ", "xref\n0 1000000000\n0 ")), Expect.Any);
        yield return Pdf("xref-garbage",
            Encoding.Latin1.GetBytes(Encoding.Latin1.GetString(Text()).Replace("0000000000 65535 f", "zzzzzzzzzz zzzzz f")), Expect.Any);
        yield return Pdf("no-eof-marker", Text().AsSpan(0, Text().Length - 7).ToArray(), Expect.Any);
        yield return Pdf("length-a-billion",
            Encoding.Latin1.GetBytes(Encoding.Latin1.GetString(Text()).Replace("/Filter /FlateDecode /Length", "/Filter /FlateDecode /Length 999999999 /X")), Expect.Any);

        // Self-referencing structures.
        {
            var pdf = new PdfBuilder();
            pdf.Add("<< /Type /Catalog /Pages 2 0 R >>");
            pdf.Add("<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>");
            pdf.Add("<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>");
            yield return Pdf("page-tree-cycle", pdf.Build(1, header: PaddedHeader), Expect.RefusedOrFailed);
        }

        {
            var pdf = new PdfBuilder();
            pdf.Add("<< /Type /Catalog /Pages 1 0 R >>");
            yield return Pdf("catalog-is-its-own-tree", pdf.Build(1, header: PaddedHeader), Expect.RefusedOrFailed);
        }

        {
            var pdf = new PdfBuilder();
            pdf.Add("<< /Type /Catalog /Pages 2 0 R >>");
            pdf.Add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
            pdf.Add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>");
            pdf.Add("4 0 R");
            yield return Pdf("contents-refers-to-itself", pdf.Build(1, header: PaddedHeader), Expect.Any);
        }

        // Objects that are only a reference to another, in a cycle (PdfPig would recurse until the process dies) or a long chain.
        foreach (var (name, extra) in (ValueTuple<string, string[]>[])[("reference-self-cycle", ["5 0 R"]), ("reference-two-cycle", ["6 0 R", "5 0 R"]),
                     ("reference-chain-20000", [.. Enumerable.Range(6, 20_000).Select(i => $"{i} 0 R"), "4 0 R"])])
        {
            var pdf = new PdfBuilder();
            pdf.Add("<< /Type /Catalog /Pages 2 0 R >>");
            pdf.Add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
            pdf.Add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 5 0 R /Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> >>");
            pdf.Add(PdfBuilder.Stream("", Encoding.Latin1.GetBytes(PdfBuilder.Content([marker]))));
            foreach (var body in extra)
            {
                pdf.Add(body);
            }

            yield return Pdf(name, pdf.Build(1), name == "reference-chain-20000" ? Expect.Any : Expect.Failed, name == "reference-chain-20000" ? null : "CORRUPT_FILE");
        }

        // A form that draws itself, and a stream whose length is itself.
        {
            var pdf = new PdfBuilder();
            pdf.Add("<< /Type /Catalog /Pages 2 0 R >>");
            pdf.Add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
            pdf.Add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> /XObject << /Fm1 6 0 R >> >> >>");
            pdf.Add(PdfBuilder.Stream("", Encoding.Latin1.GetBytes(PdfBuilder.Content([marker]) + " /Fm1 Do")));
            pdf.Add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
            pdf.Add(PdfBuilder.Stream("/Type /XObject /Subtype /Form /BBox [0 0 100 100] /Resources << /XObject << /Fm1 6 0 R >> >>", "/Fm1 Do"u8.ToArray()));
            yield return Pdf("form-draws-itself", pdf.Build(1), Expect.Any);
        }

        {
            var (pdf, catalog) = PdfBuilder.TextDocument([[marker]]);
            var bytes = Encoding.Latin1.GetString(pdf.Build(catalog));
            var at = bytes.IndexOf("/Filter /FlateDecode /Length ", StringComparison.Ordinal);
            var end = bytes.IndexOf(" >>", at, StringComparison.Ordinal);
            yield return Pdf("length-is-itself", Encoding.Latin1.GetBytes(bytes[..at] + "/Filter /FlateDecode /Length 4 0 R" + bytes[end..]), Expect.Any);
        }

        // Deep nesting, in the page dictionary and in the content stream.
        yield return Pdf("nested-arrays-100k", Text(pageExtra: "/Deep " + new string('[', 100_000) + new string(']', 100_000)), Expect.Any);
        yield return Pdf("nested-dicts-50k", Text(pageExtra: "/Deep " + string.Concat(Enumerable.Repeat("<< /A ", 50_000)) + string.Concat(Enumerable.Repeat(">> ", 50_000))), Expect.Any);
        {
            var pdf = new PdfBuilder();
            pdf.Add("<< /Type /Catalog /Pages 2 0 R >>");
            pdf.Add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
            pdf.Add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>");
            pdf.Add(PdfBuilder.Stream("/Filter /FlateDecode", PdfBuilder.Deflate(Encoding.Latin1.GetBytes(new string('[', 200_000) + " (x) Tj"))));
            yield return Pdf("nested-content-200k", pdf.Build(1), Expect.Any);
        }

        // Absurd page geometry: a text-less 200-inch page that would need OCR.
        {
            var pdf = new PdfBuilder();
            pdf.Add("<< /Type /Catalog /Pages 2 0 R >>");
            pdf.Add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
            pdf.Add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 14400 14400] /Contents 4 0 R >>");
            pdf.Add(PdfBuilder.Stream("", "0 0 m 14400 14400 l S"u8.ToArray()));
            yield return Pdf("poster-page-without-text", pdf.Build(1, header: PaddedHeader), Expect.Failed);
        }

        {
            var (pdf, catalog) = PdfBuilder.TextDocument([[marker]]);
            var bytes = Encoding.Latin1.GetString(pdf.Build(catalog)).Replace("/MediaBox [0 0 595 842]", "/MediaBox [0 0 1e308 -1e308]");
            yield return Pdf("mediabox-absurd-numbers", Encoding.Latin1.GetBytes(bytes), Expect.Any);
        }

        // An embedded image whose header declares 65535 × 65535 pixels on a text-less page.
        {
            var pdf = new PdfBuilder();
            pdf.Add("<< /Type /Catalog /Pages 2 0 R >>");
            pdf.Add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
            pdf.Add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /XObject << /Im1 5 0 R >> >> >>");
            pdf.Add(PdfBuilder.Stream("", "q 595 0 0 842 0 0 cm /Im1 Do Q"u8.ToArray()));
            pdf.Add(PdfBuilder.Stream("/Type /XObject /Subtype /Image /Width 65535 /Height 65535 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode", JpegDeclaring(65535, 65535, 0)));
            yield return Pdf("embedded-jpeg-65535-square", pdf.Build(1), Expect.Failed);
        }

        // HTML and script inside a real PDF's text: read as text, shown as text.
        {
            var (pdf, catalog) = PdfBuilder.TextDocument([[marker, "<script>alert(1)</script><img src=x onerror=alert(1)>"]]);
            yield return Pdf("html-in-text-layer", pdf.Build(catalog), Expect.Read, expectMarker: "<script>alert(1)</script>");
        }

        // A valid PDF with a ZIP archive appended (read as the PDF it starts as).
        {
            var (pdf, catalog) = PdfBuilder.TextDocument([[marker]]);
            yield return Pdf("zip-appended", [.. pdf.Build(catalog), .. Zip("payload.html", "<script>alert(1)</script>")], Expect.Read, expectMarker: marker);
        }
    }

    /// <summary>Decompression bombs: streams that inflate far past any limit, wherever PdfPig would inflate them.</summary>
    private static IEnumerable<HostileFile> Bombs()
    {
        HostileFile Bomb(string name, PdfBuilder pdf, int root = 1) =>
            new($"bomb/{name}", $"{name}.pdf", "application/pdf", pdf.Build(root), Expect.Failed, "DECOMPRESSION_LIMIT");

        PdfBuilder Page(string pageExtra, out int next)
        {
            var pdf = new PdfBuilder();
            pdf.Add("<< /Type /Catalog /Pages 2 0 R >>");
            pdf.Add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
            pdf.Add($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] {pageExtra} >>");
            next = 4;
            return pdf;
        }

        foreach (var megabytes in (long[])[100, 1024])
        {
            var pdf = Page("/Contents 4 0 R", out _);
            pdf.Add(PdfBuilder.Stream("/Filter /FlateDecode", PdfBuilder.ZeroBomb(megabytes << 20)));
            yield return Bomb($"content-{megabytes}mb", pdf);
        }

        {
            var pdf = Page("/Contents [4 0 R 5 0 R 6 0 R]", out _);
            for (var i = 0; i < 3; i++)
            {
                pdf.Add(PdfBuilder.Stream("/Filter /FlateDecode", PdfBuilder.ZeroBomb(48L << 20)));
            }

            yield return Bomb("three-content-streams-48mb", pdf);
        }

        {
            var pdf = Page("/Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >>", out _);
            pdf.Add(PdfBuilder.Stream("", Encoding.Latin1.GetBytes(PdfBuilder.Content(["x"]))));
            pdf.Add("<< /Type /Font /Subtype /TrueType /BaseFont /Bomb /FirstChar 32 /LastChar 32 /Widths [500] /FontDescriptor 6 0 R >>");
            pdf.Add("<< /Type /FontDescriptor /FontName /Bomb /Flags 32 /FontBBox [0 0 1000 1000] /ItalicAngle 0 /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 /FontFile2 7 0 R >>");
            pdf.Add(PdfBuilder.Stream("/Filter /FlateDecode /Length1 209715200", PdfBuilder.ZeroBomb(200L << 20)));
            yield return Bomb("font-file-200mb", pdf);
        }

        {
            var pdf = Page("/Contents 4 0 R", out _);
            pdf.Add(PdfBuilder.Stream("/Filter /FlateDecode", PdfBuilder.Deflate("BT ET"u8.ToArray())));
            pdf.Add(PdfBuilder.Stream("/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode", PdfBuilder.ZeroBomb(300L << 20)));
            yield return Bomb("object-stream-300mb", pdf);
        }

        {
            // Labelled as an image, used as a page's content: image streams get the larger image limit, and this exceeds it too.
            var pdf = Page("/Contents 4 0 R", out _);
            pdf.Add(PdfBuilder.Stream("/Type /XObject /Subtype /Image /Width 1 /Height 1 /BitsPerComponent 8 /ColorSpace /DeviceGray /Filter /FlateDecode", PdfBuilder.ZeroBomb(512L << 20)));
            yield return Bomb("image-labelled-content-512mb", pdf);
        }

        {
            var pdf = Page("/Contents 4 0 R", out _);
            pdf.Add(PdfBuilder.Stream("/Filter /FlateDecode", PdfBuilder.ZeroBomb(256L << 20)));
            yield return new("bomb/broken-xref", "bomb-broken-xref.pdf", "application/pdf", pdf.Build(1, xref: XrefStyle.ZeroOffsets), Expect.Failed, "DECOMPRESSION_LIMIT");
        }

        {
            var pdf = Page("/Contents 4 0 R", out _);
            pdf.Add(PdfBuilder.Stream("/Filter /FlateDecode", PdfBuilder.ZeroBomb(128L << 20)));
            var bytes = pdf.Build(1);
            yield return new("bomb/truncated", "bomb-truncated.pdf", "application/pdf", bytes[..(bytes.Length * 2 / 3)], Expect.RefusedOrFailed);
        }
    }

    private static IEnumerable<HostileFile> Polyglots()
    {
        var pdf = VNexsus.Testing.Fixtures.Bytes(VNexsus.Testing.Fixtures.OutpatientPdf);
        var smallJpeg = EncodeJpeg(16, 16);
        var png = VNexsus.Testing.Fixtures.Bytes(VNexsus.Testing.Fixtures.ScanPng);
        var jpeg = VNexsus.Testing.Fixtures.Bytes(VNexsus.Testing.Fixtures.ScanJpeg);
        var text = VNexsus.Testing.Fixtures.Bytes(VNexsus.Testing.Fixtures.OutpatientText);
        var html = "<!DOCTYPE html><html><body><script>fetch('/api/ocr/upload')</script></body></html>\n"u8.ToArray();
        byte[] elf = [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0, .. new byte[200]];
        byte[] pe = [.. "MZ"u8, 0x90, 0, 3, 0, 0, 0, .. new byte[200]];
        byte[] tiff = [.. "II*\0"u8, 8, 0, 0, 0, .. new byte[200]];
        byte[] gif = [.. "GIF89a"u8, 1, 0, 1, 0, 0x80, 0, 0, .. new byte[200]];
        byte[] webp = [.. "RIFF"u8, 100, 0, 0, 0, .. "WEBPVP8 "u8, .. new byte[200]];
        byte[] bmp = [.. "BM"u8, 0x46, 0, 0, 0, 0, 0, 0, 0, 0x36, 0, 0, 0, .. new byte[200]];
        var gzip = GzipOf(pdf);
        var zip = Zip("record.pdf", Encoding.Latin1.GetString(pdf));
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"><text>x</text></svg>"u8.ToArray();

        HostileFile Refused(string name, string fileName, string type, byte[] bytes) => new($"polyglot/{name}", fileName, type, bytes, Expect.Refused);

        yield return Refused("jpeg-then-pdf-as-pdf", "a.pdf", "application/pdf", [.. smallJpeg, .. pdf]);
        yield return Refused("jpeg-then-pdf-as-jpeg", "a.jpg", "image/jpeg", [.. smallJpeg[..Math.Min(smallJpeg.Length, 600)], .. pdf]);
        yield return Refused("png-then-pdf-as-png", "a.png", "image/png", [.. png[..300], .. pdf]);
        yield return Refused("text-then-pdf-as-txt", "a.txt", "text/plain", [.. "진료기록\n"u8, .. pdf]);
        yield return Refused("html-then-pdf-as-pdf", "a.pdf", "application/pdf", [.. html, .. pdf]);
        yield return Refused("zip-as-pdf", "a.pdf", "application/pdf", zip);
        yield return Refused("zip-as-txt", "a.txt", "text/plain", zip);
        yield return Refused("html-as-pdf", "a.pdf", "application/pdf", html);
        yield return Refused("html-as-txt", "a.txt", "text/plain", html);
        yield return Refused("svg-as-png", "a.png", "image/png", svg);
        yield return Refused("elf-as-pdf", "a.pdf", "application/pdf", elf);
        yield return Refused("pe-as-txt", "a.txt", "text/plain", pe);
        yield return Refused("tiff-as-png", "a.png", "image/png", tiff);
        yield return Refused("tiff-as-jpeg", "a.jpg", "image/jpeg", tiff);
        yield return Refused("gif-as-jpeg", "a.jpg", "image/jpeg", gif);
        yield return Refused("webp-as-png", "a.png", "image/png", webp);
        yield return Refused("bmp-as-png", "a.png", "image/png", bmp);
        yield return Refused("gzip-as-pdf", "a.pdf", "application/pdf", gzip);
        yield return Refused("png-as-jpeg", "a.jpg", "image/jpeg", png);
        yield return Refused("jpeg-as-png", "a.png", "image/png", jpeg);
        yield return Refused("pdf-as-png", "a.png", "image/png", pdf);
        yield return Refused("pdf-as-txt", "a.txt", "text/plain", pdf);
        yield return Refused("text-as-pdf", "a.pdf", "application/pdf", text);
        yield return Refused("pdf-declared-image", "a.pdf", "image/png", pdf);
        yield return Refused("pdf-named-exe", "a.exe", "application/pdf", pdf);
        yield return Refused("pdf-without-extension", "record", "application/pdf", pdf);
        yield return Refused("utf16-text", "a.txt", "text/plain", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("진료일자 2024.03.07")).ToArray());
    }

    private static IEnumerable<HostileFile> Images()
    {
        HostileFile Png(string name, byte[] bytes, Expect expect, string? code = null) => new($"image/{name}", $"{name}.png", "image/png", bytes, expect, code);
        HostileFile Jpeg(string name, byte[] bytes, Expect expect, string? code = null) => new($"image/{name}", $"{name}.jpg", "image/jpeg", bytes, expect, code);

        yield return Png("png-100000-square", PngDeclaring(100_000, 100_000), Expect.Refused);
        yield return Png("png-int-max", PngDeclaring(int.MaxValue, int.MaxValue), Expect.Refused);
        yield return Png("png-negative", PngDeclaring(-5, 100), Expect.Refused);
        yield return Png("png-zero-height", PngDeclaring(100, 0), Expect.Refused);
        yield return Png("png-too-wide", PngDeclaring(60_000, 10), Expect.Refused);
        yield return Png("png-64-megapixels", PngDeclaring(8_000, 8_000), Expect.Refused);
        yield return Png("png-no-ihdr", [.. PngDeclaring(10, 10)[..12], .. "tEXt"u8, .. new byte[40]], Expect.Refused);
        yield return Png("png-signature-only", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0], Expect.Refused);
        // 7000 × 7000 white pixels: within the limits, a few kilobytes that decode to 49 MB.
        yield return Png("png-49-megapixel-bomb", EncodePng(7_000, 7_000), Expect.Failed);
        yield return Png("png-bad-crc", CorruptCrc(EncodePng(64, 64)), Expect.Any);
        yield return Png("png-idat-garbage", GarbageIdat(EncodePng(64, 64)), Expect.Any);

        yield return Jpeg("jpeg-65535-square", JpegDeclaring(65535, 65535, 0), Expect.Refused);
        yield return Jpeg("jpeg-zero-width", JpegDeclaring(0, 100, 0), Expect.Refused);
        // The frame header after 100 KB of metadata: past what the upload reads, so the extraction refuses it.
        yield return Jpeg("jpeg-huge-after-metadata", JpegDeclaring(60_000, 60_000, 100_000), Expect.Failed, "IMAGE_TOO_LARGE");
        yield return Jpeg("jpeg-no-frame-header", [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, .. "JFIF\0"u8, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xFF, 0xD9, .. new byte[100]], Expect.Failed);
        yield return Jpeg("jpeg-segment-length-zero", [0xFF, 0xD8, 0xFF, 0xE0, 0, 0, .. new byte[200]], Expect.Failed);
        yield return Jpeg("jpeg-soi-only", [0xFF, 0xD8, 0xFF, 0xD9, .. Enumerable.Repeat((byte)0xFF, 100)], Expect.Failed);
    }

    private static IEnumerable<HostileFile> Texts()
    {
        HostileFile Text(string name, byte[] bytes, Expect expect, string? code = null, string? marker = null) =>
            new($"text/{name}", $"{name}.txt", "text/plain", bytes, expect, code, marker);

        var record = VNexsus.Testing.Fixtures.Bytes(VNexsus.Testing.Fixtures.OutpatientText);
        yield return Text("nul-after-head", [.. Enumerable.Repeat((byte)'a', 4000), 0, .. "tail"u8], Expect.Failed, "NOT_TEXT");
        yield return Text("form-feed-pages", Encoding.UTF8.GetBytes(string.Join('\f', Enumerable.Repeat("2024.03.07 외래", 500))), Expect.Failed, "TOO_MANY_PAGES");
        yield return Text("whitespace-only", Encoding.UTF8.GetBytes(new string(' ', 5000) + "\n\n\t\r\n"), Expect.Failed, "NO_TEXT");
        yield return Text("invalid-utf8", [.. record, 0xC3, 0x28, 0xA0, 0xA1, 0xE2, 0x28, 0xA1], Expect.Read, marker: "2024.03.07");
        yield return Text("one-5mb-line", Encoding.UTF8.GetBytes("2024.03.07 " + new string('가', 5 << 20 / 3)), Expect.Any);
        yield return Text("bidi-and-zero-width", Encoding.UTF8.GetBytes("\u202E2024.03.07\u202C 외래 \u200B\u200D\uFEFF 진료\n"), Expect.Any);
        yield return Text("script-inside", [.. record, .. "\n<script>alert(document.cookie)</script>\n"u8], Expect.Read, marker: "<script>alert(document.cookie)</script>");
        yield return Text("control-characters", Encoding.UTF8.GetBytes("2024.03.07 외래\u0001\u0002\u001B[31m 진료\u007F\n"), Expect.Any);
        yield return Text("lone-surrogates-as-cesu", [.. "2024.03.07 "u8, 0xED, 0xA0, 0x80, 0xED, 0xB0, 0x80, .. "\n"u8], Expect.Any);
    }

    /// <summary>Hostile names on a valid text file: the name is shown safely and never becomes a path.</summary>
    private static IEnumerable<HostileFile> Names()
    {
        string[] names =
        [
            "../../../../etc/passwd.txt",
            "..\\..\\windows\\win.ini.txt",
            "<img src=x onerror=alert(1)>.txt",
            "\u202Etxt.exe\u202C.txt",
                        new string('가', 600) + ".txt",
            "CON.txt",
            "%2e%2e%2fpasswd.txt",
        ];
        var index = 0;
        foreach (var name in names)
        {
            var body = Encoding.UTF8.GetBytes($"2024.03.07 내과 외래 진료\n이름 시험 {index}\n");
            yield return new($"name/{index++}", name, "text/plain", body, Expect.Read, Marker: $"이름 시험 {index - 1}");
        }

        yield return new("name/crlf-header-injection", "a.txt\r\nContent-Type: text/html", "text/plain", "2024.03.07 진료 안내문\n"u8.ToArray(), Expect.Any);
    }

    private static IEnumerable<HostileFile> Truncations()
    {
        double[] fractions = [0.02, 0.1, 0.25, 0.4, 0.5, 0.6, 0.75, 0.9, 0.97, 0.999];
        int[] lengths = [9, 11, 99, 101, 2047, 2049];
        foreach (var fixture in Fixtures)
        {
            var bytes = VNexsus.Testing.Fixtures.Bytes(fixture);
            var cuts = fractions.Select(f => (int)(bytes.Length * f)).Concat(lengths.Where(l => l < bytes.Length)).Distinct();
            foreach (var cut in cuts)
            {
                yield return new($"truncated/{fixture}/{cut}", $"cut-{cut}-{fixture}", TypeOf(fixture), bytes[..cut], Expect.Any);
            }
        }
    }

    private static IEnumerable<HostileFile> BitFlips()
    {
        var random = new Random(Seed);
        foreach (var fixture in Fixtures)
        {
            var bytes = VNexsus.Testing.Fixtures.Bytes(fixture);
            foreach (var flips in (int[])[1, 8, 64, 512])
            {
                for (var variant = 0; variant < 3; variant++)
                {
                    yield return new($"bitflip/{fixture}/{flips}/{variant}", $"flip-{flips}-{variant}-{fixture}", TypeOf(fixture), FlipBits(bytes, flips, random, skip: 0), Expect.Any);
                }
            }
        }
    }

    public static string TypeOf(string fileName) => Path.GetExtension(fileName) switch
    {
        ".pdf" => "application/pdf",
        ".png" => "image/png",
        ".jpg" => "image/jpeg",
        _ => "text/plain",
    };

    private static byte[] FlipBits(byte[] original, int flips, Random random, int skip)
    {
        var bytes = (byte[])original.Clone();
        for (var i = 0; i < flips; i++)
        {
            var at = random.Next(skip, bytes.Length);
            bytes[at] ^= (byte)(1 << random.Next(8));
        }

        return bytes;
    }

    /// <summary>A header comment that takes a tiny document past the upload's 100-byte minimum and 2,000-byte encryption scan.</summary>
    private static readonly string PaddedHeader = "%PDF-1.7\n%" + new string('-', 2100) + "\n";

    public static byte[] PngDeclaring(int width, int height)
    {
        var bytes = new byte[64];
        ((byte[])[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, .. "IHDR"u8]).CopyTo(bytes, 0);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(16), width);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(20), height);
        bytes[24] = 8;
        return bytes;
    }

    /// <summary>A JPEG whose frame header declares the size, after <paramref name="metadataBytes"/> of APP segments.</summary>
    public static byte[] JpegDeclaring(int width, int height, int metadataBytes)
    {
        var output = new MemoryStream();
        output.Write([0xFF, 0xD8]);
        for (var left = metadataBytes; left > 0; left -= 65533)
        {
            var length = Math.Min(left, 65533);
            output.Write([0xFF, 0xE1, (byte)((length + 2) >> 8), (byte)(length + 2)]);
            output.Write(new byte[length]);
        }

        output.Write([0xFF, 0xC0, 0x00, 0x0B, 0x08, (byte)(height >> 8), (byte)height, (byte)(width >> 8), (byte)width, 0x01, 0x01, 0x11, 0x00]);
        output.Write(new byte[256]);
        output.Write([0xFF, 0xD9]);
        return output.ToArray();
    }

    public static byte[] EncodePng(int width, int height) => Encode(width, height, SKEncodedImageFormat.Png);

    public static byte[] EncodeJpeg(int width, int height) => Encode(width, height, SKEncodedImageFormat.Jpeg);

    private static byte[] Encode(int width, int height, SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Gray8, SKAlphaType.Opaque));
        bitmap.Erase(SKColors.White);
        using var data = bitmap.Encode(format, 80);
        return data.ToArray();
    }

    private static byte[] CorruptCrc(byte[] png)
    {
        var bytes = (byte[])png.Clone();
        bytes[29] ^= 0xFF; // the IHDR chunk's CRC
        return bytes;
    }

    private static byte[] GarbageIdat(byte[] png)
    {
        var bytes = (byte[])png.Clone();
        var idat = bytes.AsSpan().IndexOf("IDAT"u8);
        for (var i = idat + 6; i < Math.Min(bytes.Length - 12, idat + 40); i++)
        {
            bytes[i] = 0xAB;
        }

        return bytes;
    }

    private static byte[] GzipOf(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }

    private static byte[] Zip(string entryName, string content)
    {
        using var output = new MemoryStream();
        using (var archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = archive.CreateEntry(entryName).Open();
            entry.Write(Encoding.Latin1.GetBytes(content));
        }

        return output.ToArray();
    }
}
