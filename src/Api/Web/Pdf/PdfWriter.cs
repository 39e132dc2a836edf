using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace VNexsus.Api.Web.Pdf;

/// <summary>
/// A small PDF 1.7 writer for text reports: pages of text, lines and filled rectangles; TrueType fonts embedded as
/// subsets in composite (Type0, CIDFontType2, Identity-H) fonts with a ToUnicode map, so any number of Hangul syllables
/// can be used and the text stays extractable.
/// </summary>
public sealed class PdfWriter
{
    private readonly List<Font> _fonts = [];
    private readonly List<StringBuilder> _pages = [];

    public PdfWriter(double pageWidth, double pageHeight)
    {
        PageWidth = pageWidth;
        PageHeight = pageHeight;
    }

    public double PageWidth { get; }

    public double PageHeight { get; }

    /// <summary>Registers a font; returns its handle for <see cref="Text"/>.</summary>
    public int AddFont(TrueTypeFont font)
    {
        _fonts.Add(new Font(font, $"F{_fonts.Count + 1}"));
        return _fonts.Count - 1;
    }

    public void NewPage() => _pages.Add(new StringBuilder());

    /// <summary>Text at (x, baseline) in top-down coordinates (points from the page's top-left corner).</summary>
    public void Text(int font, double size, double x, double baseline, string text, (byte R, byte G, byte B) color)
    {
        var f = _fonts[font];
        var hex = new StringBuilder(text.Length * 4);
        foreach (var rune in text.EnumerateRunes())
        {
            var glyph = f.Program.GlyphOf(rune.Value);
            f.Used.TryAdd(glyph, rune.Value);
            hex.Append(glyph.ToString("X4", CultureInfo.InvariantCulture));
        }

        Page.Append(Color(color, "rg")).Append(" BT /").Append(f.Name).Append(' ').Append(N(size)).Append(" Tf ")
            .Append(N(x)).Append(' ').Append(N(PageHeight - baseline)).Append(" Td <").Append(hex).Append("> Tj ET\n");
    }

    public void Line(double x1, double y1, double x2, double y2, double width, (byte R, byte G, byte B) color) =>
        Page.Append(Color(color, "RG")).Append(' ').Append(N(width)).Append(" w ").Append(N(x1)).Append(' ').Append(N(PageHeight - y1))
            .Append(" m ").Append(N(x2)).Append(' ').Append(N(PageHeight - y2)).Append(" l S\n");

    /// <summary>A filled rectangle whose top-left corner is (x, y) in top-down coordinates.</summary>
    public void Rectangle(double x, double y, double width, double height, (byte R, byte G, byte B) fill) =>
        Page.Append(Color(fill, "rg")).Append(' ').Append(N(x)).Append(' ').Append(N(PageHeight - y - height)).Append(' ')
            .Append(N(width)).Append(' ').Append(N(height)).Append(" re f\n");

    public byte[] Build(string title)
    {
        var objects = new List<byte[]>();
        int Reserve()
        {
            objects.Add([]);
            return objects.Count;
        }

        void Set(int id, string body) => objects[id - 1] = Encoding.ASCII.GetBytes(body);
        void SetStream(int id, string dictionary, byte[] data, bool compress = true)
        {
            var bytes = compress ? Deflate(data) : data;
            using var stream = new MemoryStream();
            var head = $"<< {dictionary} /Length {bytes.Length}{(compress ? " /Filter /FlateDecode" : "")} >>\nstream\n";
            stream.Write(Encoding.ASCII.GetBytes(head));
            stream.Write(bytes);
            stream.Write("\nendstream"u8);
            objects[id - 1] = stream.ToArray();
        }

        var catalog = Reserve();
        var pagesId = Reserve();
        var info = Reserve();
        var fontResources = new StringBuilder();
        foreach (var font in _fonts)
        {
            var type0 = Reserve();
            var cid = Reserve();
            var descriptor = Reserve();
            var file = Reserve();
            var toUnicode = Reserve();
            var program = font.Program;
            var tag = SubsetTag(font);
            var baseFont = $"{tag}+{program.PostScriptName}";
            var scale = 1000.0 / program.UnitsPerEm;
            var subset = program.Subset(font.Used.Keys);
            SetStream(file, $"/Length1 {subset.Length}", subset);
            var (xMin, yMin, xMax, yMax) = program.BoundingBox;
            Set(descriptor,
                $"<< /Type /FontDescriptor /FontName /{baseFont} /Flags 4 /FontBBox [{N(xMin * scale)} {N(yMin * scale)} {N(xMax * scale)} {N(yMax * scale)}] " +
                $"/ItalicAngle 0 /Ascent {N(program.Ascent * scale)} /Descent {N(program.Descent * scale)} /CapHeight {N(program.Ascent * scale)} /StemV 80 /FontFile2 {file} 0 R >>");
            var widths = new StringBuilder();
            foreach (var glyph in font.Used.Keys.Order())
            {
                widths.Append(glyph).Append(" [").Append(N(program.Advance(glyph) * scale)).Append("] ");
            }

            Set(cid,
                $"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /{baseFont} /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> " +
                $"/FontDescriptor {descriptor} 0 R /DW 1000 /W [{widths}] /CIDToGIDMap /Identity >>");
            SetStream(toUnicode, "", Encoding.ASCII.GetBytes(ToUnicode(font)));
            Set(type0, $"<< /Type /Font /Subtype /Type0 /BaseFont /{baseFont} /Encoding /Identity-H /DescendantFonts [{cid} 0 R] /ToUnicode {toUnicode} 0 R >>");
            fontResources.Append('/').Append(font.Name).Append(' ').Append(type0).Append(" 0 R ");
        }

        var kids = new StringBuilder();
        foreach (var page in _pages)
        {
            var pageId = Reserve();
            var content = Reserve();
            SetStream(content, "", Encoding.ASCII.GetBytes(page.ToString()));
            Set(pageId,
                $"<< /Type /Page /Parent {pagesId} 0 R /MediaBox [0 0 {N(PageWidth)} {N(PageHeight)}] " +
                $"/Resources << /Font << {fontResources}>> /ProcSet [/PDF /Text] >> /Contents {content} 0 R >>");
            kids.Append(pageId).Append(" 0 R ");
        }

        Set(pagesId, $"<< /Type /Pages /Kids [{kids}] /Count {_pages.Count} >>");
        Set(catalog, $"<< /Type /Catalog /Pages {pagesId} 0 R /Lang (ko-KR) >>");
        Set(info, $"<< /Title {TextString(title)} /Producer (VNexsus) /CreationDate (D:{DateTimeOffset.UtcNow:yyyyMMddHHmmss}Z) >>");

        using var output = new MemoryStream();
        output.Write("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n"u8);
        var offsets = new long[objects.Count];
        for (var i = 0; i < objects.Count; i++)
        {
            offsets[i] = output.Position;
            output.Write(Encoding.ASCII.GetBytes($"{i + 1} 0 obj\n"));
            output.Write(objects[i]);
            output.Write("\nendobj\n"u8);
        }

        var xref = output.Position;
        var table = new StringBuilder($"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            table.Append(offset.ToString("D10", CultureInfo.InvariantCulture)).Append(" 00000 n \n");
        }

        table.Append($"trailer\n<< /Size {objects.Count + 1} /Root {catalog} 0 R /Info {info} 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        output.Write(Encoding.ASCII.GetBytes(table.ToString()));
        return output.ToArray();
    }

    private StringBuilder Page => _pages.Count > 0 ? _pages[^1] : throw new InvalidOperationException("No page: call NewPage first.");

    private static string ToUnicode(Font font)
    {
        var cmap = new StringBuilder(
            "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n" +
            "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
        var entries = font.Used.Where(u => u.Key != 0).OrderBy(u => u.Key).ToList();
        foreach (var chunk in entries.Chunk(100))
        {
            cmap.Append(chunk.Length).Append(" beginbfchar\n");
            foreach (var (glyph, codePoint) in chunk)
            {
                var utf16 = Encoding.BigEndianUnicode.GetBytes(char.ConvertFromUtf32(codePoint));
                cmap.Append('<').Append(glyph.ToString("X4", CultureInfo.InvariantCulture)).Append("> <").Append(Convert.ToHexString(utf16)).Append(">\n");
            }

            cmap.Append("endbfchar\n");
        }

        cmap.Append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
        return cmap.ToString();
    }

    /// <summary>Six capital letters derived from the glyphs used, as PDF subset font names require.</summary>
    private static string SubsetTag(Font font)
    {
        var hash = font.Used.Keys.Aggregate(17L, (h, g) => unchecked(h * 31 + g)) ^ font.Name.Sum(c => c);
        var tag = new char[6];
        for (var i = 0; i < 6; i++)
        {
            tag[i] = (char)('A' + (int)((ulong)hash % 26));
            hash = (long)((ulong)hash / 26);
        }

        return new string(tag);
    }

    private static string TextString(string text) => "<FEFF" + Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(text)) + ">";

    private static string Color((byte R, byte G, byte B) c, string op) =>
        $"{N(c.R / 255.0)} {N(c.G / 255.0)} {N(c.B / 255.0)} {op}";

    private static string N(double value) => Math.Round(value, 3).ToString("0.###", CultureInfo.InvariantCulture);

    private static byte[] Deflate(byte[] data)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(data);
        }

        return output.ToArray();
    }

    private sealed class Font(TrueTypeFont program, string name)
    {
        public TrueTypeFont Program { get; } = program;

        public string Name { get; } = name;

        /// <summary>Glyphs used, each with the first character it stood for (for ToUnicode).</summary>
        public Dictionary<ushort, int> Used { get; } = [];
    }
}
