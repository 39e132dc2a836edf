using System.IO.Compression;
using System.Text;

namespace VNexsus.HostileTests;

/// <summary>
/// Writes small PDFs object by object, so the corpus can hold exactly the structure each case needs (and break it on
/// purpose). Text uses the standard Helvetica font, so the text layer reads back without embedded fonts.
/// </summary>
public sealed class PdfBuilder
{
    private readonly List<byte[]> _objects = [];

    /// <summary>Adds an object (without "n 0 obj") and returns its number.</summary>
    public int Add(string body) => Add(Encoding.Latin1.GetBytes(body));

    public int Add(byte[] body)
    {
        _objects.Add(body);
        return _objects.Count;
    }

    public int Reserve() => Add([]);

    public void Set(int number, string body) => _objects[number - 1] = Encoding.Latin1.GetBytes(body);

    public static byte[] Stream(string dictionaryEntries, byte[] data) =>
        [.. Encoding.Latin1.GetBytes($"<< {dictionaryEntries} /Length {data.Length} >>\nstream\n"), .. data, .. "\nendstream"u8];

    public static byte[] Deflate(byte[] data)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(data);
        }

        return output.ToArray();
    }

    /// <summary>zlib data that inflates to <paramref name="bytes"/> zero bytes, made without holding them.</summary>
    public static byte[] ZeroBomb(long bytes)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            var chunk = new byte[1 << 20];
            for (long written = 0; written < bytes; written += chunk.Length)
            {
                zlib.Write(chunk, 0, (int)Math.Min(chunk.Length, bytes - written));
            }
        }

        return output.ToArray();
    }

    /// <summary>The file: header, objects, a cross-reference table (unless omitted or falsified) and the trailer.</summary>
    public byte[] Build(int root, string extraTrailer = "", XrefStyle xref = XrefStyle.Correct, string header = "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n")
    {
        using var output = new MemoryStream();
        output.Write(Encoding.Latin1.GetBytes(header));
        var offsets = new List<long>();
        for (var i = 0; i < _objects.Count; i++)
        {
            offsets.Add(output.Position);
            output.Write(Encoding.Latin1.GetBytes($"{i + 1} 0 obj\n"));
            output.Write(_objects[i]);
            output.Write("\nendobj\n"u8);
        }

        var table = output.Position;
        var text = new StringBuilder();
        if (xref != XrefStyle.Missing)
        {
            text.Append($"xref\n0 {_objects.Count + 1}\n0000000000 65535 f \n");
            foreach (var offset in offsets)
            {
                var written = xref switch
                {
                    XrefStyle.WrongOffsets => (offset * 7 / 3) + 11,
                    XrefStyle.ZeroOffsets => 0,
                    _ => offset,
                };
                text.Append($"{written:D10} 00000 n \n");
            }
        }

        var startxref = xref switch
        {
            XrefStyle.StartBeyondEnd => table + 1_000_000,
            XrefStyle.Missing => 0,
            _ => table,
        };
        text.Append($"trailer\n<< /Size {_objects.Count + 1} /Root {root} 0 R {extraTrailer} >>\nstartxref\n{startxref}\n%%EOF\n");
        output.Write(Encoding.Latin1.GetBytes(text.ToString()));
        return output.ToArray();
    }

    /// <summary>A document of pages each showing its lines of text; returns the builder and the catalog's number.</summary>
    public static (PdfBuilder Builder, int Catalog) TextDocument(IReadOnlyList<string[]> pages, string catalogExtra = "", string pageExtra = "")
    {
        var pdf = new PdfBuilder();
        var catalog = pdf.Reserve();
        var tree = pdf.Reserve();
        var font = pdf.Add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
        var kids = new List<int>();
        foreach (var lines in pages)
        {
            var content = pdf.Add(Stream("/Filter /FlateDecode", Deflate(Encoding.Latin1.GetBytes(Content(lines)))));
            kids.Add(pdf.Add($"<< /Type /Page /Parent {tree} 0 R /MediaBox [0 0 595 842] /Contents {content} 0 R /Resources << /Font << /F1 {font} 0 R >> >> {pageExtra} >>"));
        }

        pdf.Set(tree, $"<< /Type /Pages /Kids [{string.Join(' ', kids.Select(k => $"{k} 0 R"))}] /Count {kids.Count} >>");
        pdf.Set(catalog, $"<< /Type /Catalog /Pages {tree} 0 R {catalogExtra} >>");
        return (pdf, catalog);
    }

    public static string Content(IEnumerable<string> lines)
    {
        var text = new StringBuilder("BT /F1 12 Tf 72 780 Td 16 TL\n");
        foreach (var line in lines)
        {
            text.Append('(').Append(line.Replace("\\", "\\\\").Replace("(", "\\(").Replace(")", "\\)")).Append(") Tj T*\n");
        }

        return text.Append("ET\n").ToString();
    }
}

public enum XrefStyle
{
    Correct,
    WrongOffsets,
    ZeroOffsets,
    StartBeyondEnd,
    Missing,
}
