using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace VNexsus.Ocr.Inspection;

/// <summary>What <see cref="PdfStreamGuard"/> saw in a PDF that passed.</summary>
public sealed record PdfInspection(bool HasActiveContent);

/// <summary>
/// Checks a PDF's raw bytes before the in-process reader opens it. PdfPig inflates Flate streams whole into memory with no
/// limit, so a few hundred kilobytes of zeros compressed 1000:1 would take the silo's memory: every Flate stream is
/// inflated here first into a counting sink (constant memory) and the document is refused when one exceeds its limit.
/// The scan works on the raw bytes, so a broken cross-reference table cannot hide a stream from it. It also notes
/// JavaScript and automatic actions, which are never executed (nothing here runs scripts) but are worth a line in the
/// file's processing steps. And it refuses cycles of objects that are nothing but a reference to another
/// (<c>6 0 obj 7 0 R endobj 7 0 obj 6 0 R endobj</c>), in the file or inside object streams: PdfPig resolves those by
/// recursion without end, and a stack overflow ends the whole process — the corpus test found it.
/// </summary>
/// <remarks>
/// Only Flate streams are measured (the filter of nearly every PDF writer); LZW and run-length streams, deprecated since
/// PDF 1.2, are left to the reader.
/// </remarks>
public static partial class PdfStreamGuard
{
    private const int ChunkBytes = 1 << 20;
    private const int DictionaryWindow = 4096;
    private static readonly byte[] StreamKeyword = "stream"u8.ToArray();
    private const int KeywordWithLineEnd = 8;
    private static readonly byte[][] ActiveContentNames = [.. ((string[])["/JavaScript", "/JS", "/OpenAction", "/Launch", "/AA"]).Select(Encoding.ASCII.GetBytes)];

    /// <exception cref="InvalidDocumentException">A stream inflates past its limit.</exception>
    public static PdfInspection Inspect(string path, DocumentLimits limits, CancellationToken cancellationToken)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        using var inflating = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.RandomAccess);
        var scratch = new byte[1 << 16];
        var imageLimit = (limits.MaxImagePixels * 4) + (1 << 20);
        var buffer = new byte[DictionaryWindow + ChunkBytes];
        var carried = 0;
        long bufferStart = 0;
        var active = false;
        var references = new Dictionary<int, int>();
        int read;
        while ((read = ReadFully(file, buffer.AsSpan(carried, ChunkBytes))) > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var length = carried + read;
            var last = read < ChunkBytes;
            var window = buffer.AsSpan(0, length);
            active = active || ContainsActiveContent(window);
            FindBareReferences(Encoding.Latin1.GetString(window), references);
            // A keyword is handled in the first window that holds it and its end of line: keywords that ended (with
            // room for the line end) inside the carried part were handled with the previous chunk.
            for (var at = Math.Max(0, carried - KeywordWithLineEnd + 1); at < length; at++)
            {
                var found = window[at..].IndexOf(StreamKeyword);
                if (found < 0)
                {
                    break;
                }

                at += found;
                if ((!last && at + KeywordWithLineEnd > length) || !IsStreamStart(window, at, out var dataOffset))
                {
                    continue;
                }

                var dictionary = Encoding.Latin1.GetString(window[Math.Max(0, at - DictionaryWindow)..at]);
                var objectStart = dictionary.LastIndexOf("obj", StringComparison.Ordinal);
                var isImage = (objectStart < 0 ? dictionary : dictionary[objectStart..]).Contains("/Image", StringComparison.Ordinal);
                var limit = isImage ? imageLimit : limits.MaxPdfStreamBytes;
                var objectStream = !isImage && dictionary.Contains("/ObjStm", StringComparison.Ordinal) ? new MemoryStream() : null;
                var inflated = InflatedLength(inflating, bufferStart + dataOffset, limit, scratch, objectStream);
                if (objectStream is not null && inflated <= limit)
                {
                    FindBareReferencesInObjectStream(dictionary[Math.Max(0, objectStart)..], objectStream, references);
                }

                if (inflated > limit)
                {
                    throw new InvalidDocumentException(ExtractionErrors.DecompressionLimit,
                        $"압축을 풀면 {limit / (1024 * 1024)}MB를 넘는 {(isImage ? "이미지" : "데이터")}가 있어 읽지 않았습니다 (decompression limit exceeded)");
                }
            }

            carried = Math.Min(DictionaryWindow, length);
            window[(length - carried)..].CopyTo(buffer);
            bufferStart += length - carried;
        }

        if (HasReferenceCycle(references))
        {
            throw new InvalidDocumentException(ExtractionErrors.CorruptFile, "PDF 객체가 서로를 끝없이 가리키는 순환 참조가 있어 읽지 않았습니다 (reference cycle)");
        }

        return new PdfInspection(active);
    }

    [GeneratedRegex(@"(?<![0-9])([0-9]{1,10})\s+[0-9]{1,5}\s+obj\s*([0-9]{1,10})\s+[0-9]{1,5}\s+R\s*endobj", RegexOptions.CultureInvariant)]
    private static partial Regex BareReferenceObject();

    [GeneratedRegex(@"^\s*([0-9]{1,10})\s+[0-9]{1,5}\s+R\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex BareReference();

    private static void FindBareReferences(string text, Dictionary<int, int> references)
    {
        foreach (Match match in BareReferenceObject().Matches(text))
        {
            if (int.TryParse(match.Groups[1].ValueSpan, out var from) && int.TryParse(match.Groups[2].ValueSpan, out var to))
            {
                references[from] = to;
            }
        }
    }

    /// <summary>An object stream: <c>/N</c> pairs of object number and offset, then the objects from <c>/First</c> on.</summary>
    private static void FindBareReferencesInObjectStream(string dictionary, MemoryStream data, Dictionary<int, int> references)
    {
        var count = Regex.Match(dictionary, @"/N\s+([0-9]{1,7})", RegexOptions.CultureInvariant);
        var first = Regex.Match(dictionary, @"/First\s+([0-9]{1,9})", RegexOptions.CultureInvariant);
        var text = Encoding.Latin1.GetString(data.GetBuffer(), 0, (int)data.Length);
        if (!count.Success || !first.Success || !int.TryParse(first.Groups[1].ValueSpan, out var start) || start > text.Length)
        {
            return;
        }

        var numbers = text[..start].Split((char[])[' ', '\r', '\n', '\t', '\f', '\0'], StringSplitOptions.RemoveEmptyEntries);
        var entries = new List<(int Number, int Offset)>();
        for (var i = 0; i + 1 < numbers.Length; i += 2)
        {
            if (int.TryParse(numbers[i], out var number) && int.TryParse(numbers[i + 1], out var offset) && offset >= 0 && start + offset <= text.Length)
            {
                entries.Add((number, start + offset));
            }
        }

        entries.Sort((a, b) => a.Offset.CompareTo(b.Offset));
        for (var i = 0; i < entries.Count; i++)
        {
            var end = i + 1 < entries.Count ? entries[i + 1].Offset : text.Length;
            var match = BareReference().Match(text[entries[i].Offset..end]);
            if (match.Success && int.TryParse(match.Groups[1].ValueSpan, out var to))
            {
                references[entries[i].Number] = to;
            }
        }
    }

    /// <summary>Follows each chain of bare references; coming back to an object already on the chain is a cycle.</summary>
    private static bool HasReferenceCycle(Dictionary<int, int> references)
    {
        var finished = new HashSet<int>();
        foreach (var start in references.Keys)
        {
            var chain = new HashSet<int>();
            var at = start;
            while (!finished.Contains(at) && references.TryGetValue(at, out var next))
            {
                if (!chain.Add(at))
                {
                    return true;
                }

                at = next;
            }

            finished.UnionWith(chain);
        }

        return false;
    }

    /// <summary>The keyword <c>stream</c> (not <c>endstream</c>) followed by its end of line; the data starts after it.</summary>
    private static bool IsStreamStart(ReadOnlySpan<byte> window, int at, out int dataOffset)
    {
        dataOffset = at + StreamKeyword.Length;
        if (at >= 3 && window[(at - 3)..at].SequenceEqual("end"u8))
        {
            return false;
        }

        if (dataOffset < window.Length && window[dataOffset] == '\r')
        {
            dataOffset++;
        }

        if (dataOffset < window.Length && window[dataOffset] == '\n')
        {
            dataOffset++;
        }

        return dataOffset > at + StreamKeyword.Length;
    }

    /// <summary>Bytes the zlib data at <paramref name="offset"/> inflates to, counting no further than just past the limit.</summary>
    private static long InflatedLength(FileStream file, long offset, long limit, byte[] scratch, MemoryStream? keep)
    {
        file.Position = offset;
        var first = file.ReadByte();
        var second = file.ReadByte();
        if (first < 0 || second < 0 || (first & 0x0F) != 8 || ((first << 8) | second) % 31 != 0)
        {
            return 0; // not zlib: another filter, or a stream this scan does not measure
        }

        file.Position = offset;
        long total = 0;
        try
        {
            using var inflater = new ZLibStream(file, CompressionMode.Decompress, leaveOpen: true);
            int read;
            while (total <= limit && (read = inflater.Read(scratch)) > 0)
            {
                total += read;
                keep?.Write(scratch, 0, read);
            }
        }
        catch (InvalidDataException)
        {
            // Damaged data ends where it breaks; the reader reports the damage.
        }

        return total;
    }

    /// <summary>A whole name only: <c>/AA</c> must not match the subset prefix of <c>/AAAAAB+NanumGothic</c>.</summary>
    private static bool ContainsActiveContent(ReadOnlySpan<byte> window)
    {
        foreach (var name in ActiveContentNames)
        {
            for (var rest = window; rest.IndexOf(name) is var at and >= 0; rest = rest[(at + name.Length)..])
            {
                var end = at + name.Length;
                if (end == rest.Length || IsDelimiterOrWhitespace(rest[end]))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsDelimiterOrWhitespace(byte c) => c is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t' or (byte)'\f' or 0
        or (byte)'/' or (byte)'<' or (byte)'>' or (byte)'(' or (byte)')' or (byte)'[' or (byte)']' or (byte)'{' or (byte)'}' or (byte)'%';

    private static int ReadFully(Stream stream, Span<byte> buffer)
    {
        var total = 0;
        int read;
        while (total < buffer.Length && (read = stream.Read(buffer[total..])) > 0)
        {
            total += read;
        }

        return total;
    }
}
