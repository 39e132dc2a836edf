using System.Buffers.Binary;

namespace VNexsus.Api.Web.Pdf;

/// <summary>
/// The parts of a TrueType (glyf) font a PDF writer needs: character → glyph (cmap 3/10 or 3/1), advance widths,
/// metrics, and a subset that keeps only the glyphs used (composite glyphs with their components), glyph ids unchanged.
/// </summary>
/// <remarks>
/// PdfPig 0.1.16's writer was tried first: it embeds TrueType fonts as simple fonts (255 codes per font) and its
/// subsetter fails on Nanum Gothic's composite glyphs (most of the 11,172 Hangul syllables), so rare syllables in names
/// or OCR text broke the export. This subset keeps glyph ids, so the PDF maps CIDs to glyphs with /Identity.
/// </remarks>
public sealed class TrueTypeFont
{
    private readonly byte[] _data;
    private readonly Dictionary<string, (int Offset, int Length)> _tables = new(StringComparer.Ordinal);
    private readonly Dictionary<int, ushort> _cmap = [];
    private readonly ushort[] _advances;
    private readonly int[] _loca;

    public TrueTypeFont(byte[] data, string postScriptName)
    {
        _data = data;
        PostScriptName = postScriptName;
        var tableCount = U16(4);
        for (var i = 0; i < tableCount; i++)
        {
            var record = 12 + 16 * i;
            var tag = System.Text.Encoding.ASCII.GetString(data, record, 4);
            _tables[tag] = ((int)U32(record + 8), (int)U32(record + 12));
        }

        var head = Table("head").Offset;
        UnitsPerEm = U16(head + 18);
        BoundingBox = (I16(head + 36), I16(head + 38), I16(head + 40), I16(head + 42));
        var longLoca = I16(head + 50) == 1;
        var hhea = Table("hhea").Offset;
        Ascent = I16(hhea + 4);
        Descent = I16(hhea + 6);
        var metrics = U16(hhea + 34);
        GlyphCount = U16(Table("maxp").Offset + 4);

        var hmtx = Table("hmtx").Offset;
        _advances = new ushort[GlyphCount];
        for (var gid = 0; gid < GlyphCount; gid++)
        {
            _advances[gid] = U16(hmtx + 4 * Math.Min(gid, metrics - 1));
        }

        var loca = Table("loca").Offset;
        _loca = new int[GlyphCount + 1];
        for (var gid = 0; gid <= GlyphCount; gid++)
        {
            _loca[gid] = longLoca ? (int)U32(loca + 4 * gid) : U16(loca + 2 * gid) * 2;
        }

        ReadCmap();
    }

    public string PostScriptName { get; }

    public int UnitsPerEm { get; }

    public int Ascent { get; }

    public int Descent { get; }

    public int GlyphCount { get; }

    public (int XMin, int YMin, int XMax, int YMax) BoundingBox { get; }

    public static TrueTypeFont Load(string path) =>
        new(File.ReadAllBytes(path), Path.GetFileNameWithoutExtension(path));

    /// <summary>The glyph of a character, 0 (.notdef) when the font has none.</summary>
    public ushort GlyphOf(int codePoint) => _cmap.GetValueOrDefault(codePoint);

    /// <summary>Advance width in font units.</summary>
    public int Advance(ushort glyph) => glyph < _advances.Length ? _advances[glyph] : 0;

    /// <summary>A font file with only <paramref name="glyphs"/> (and their components, and .notdef) left in glyf.</summary>
    public byte[] Subset(IEnumerable<ushort> glyphs)
    {
        var keep = new HashSet<ushort> { 0 };
        var pending = new Stack<ushort>(glyphs);
        var glyf = Table("glyf").Offset;
        while (pending.Count > 0)
        {
            var gid = pending.Pop();
            if (gid >= GlyphCount || !keep.Add(gid) && gid != 0)
            {
                continue;
            }

            foreach (var component in Components(glyf + _loca[gid], _loca[gid + 1] - _loca[gid]))
            {
                if (!keep.Contains(component))
                {
                    pending.Push(component);
                }
            }
        }

        using var newGlyf = new MemoryStream();
        var newLoca = new byte[4 * (GlyphCount + 1)];
        for (var gid = 0; gid < GlyphCount; gid++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(newLoca.AsSpan(4 * gid), (uint)newGlyf.Position);
            var length = _loca[gid + 1] - _loca[gid];
            if (keep.Contains((ushort)gid) && length > 0)
            {
                newGlyf.Write(_data, glyf + _loca[gid], length);
                while (newGlyf.Position % 4 != 0)
                {
                    newGlyf.WriteByte(0);
                }
            }
        }

        BinaryPrimitives.WriteUInt32BigEndian(newLoca.AsSpan(4 * GlyphCount), (uint)newGlyf.Position);

        var head = Slice("head");
        BinaryPrimitives.WriteUInt32BigEndian(head.AsSpan(8), 0); // checkSumAdjustment: not needed inside a PDF
        BinaryPrimitives.WriteInt16BigEndian(head.AsSpan(50), 1); // long loca
        var tables = new SortedDictionary<string, byte[]>(StringComparer.Ordinal)
        {
            ["head"] = head,
            ["hhea"] = Slice("hhea"),
            ["hmtx"] = Slice("hmtx"),
            ["maxp"] = Slice("maxp"),
            ["loca"] = newLoca,
            ["glyf"] = newGlyf.ToArray(),
        };
        foreach (var hinting in new[] { "cvt ", "fpgm", "prep" })
        {
            if (_tables.ContainsKey(hinting))
            {
                tables[hinting] = Slice(hinting);
            }
        }

        return WriteFont(tables);
    }

    private static byte[] WriteFont(SortedDictionary<string, byte[]> tables)
    {
        var count = tables.Count;
        var power = 1;
        var log = 0;
        while (power * 2 <= count)
        {
            power *= 2;
            log++;
        }

        using var output = new MemoryStream();
        var header = new byte[12 + 16 * count];
        BinaryPrimitives.WriteUInt32BigEndian(header, 0x00010000);
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(4), (ushort)count);
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(6), (ushort)(power * 16));
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(8), (ushort)log);
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(10), (ushort)(count * 16 - power * 16));
        var offset = header.Length;
        var index = 0;
        foreach (var (tag, bytes) in tables)
        {
            var record = header.AsSpan(12 + 16 * index++);
            System.Text.Encoding.ASCII.GetBytes(tag, record);
            BinaryPrimitives.WriteUInt32BigEndian(record[4..], Checksum(bytes));
            BinaryPrimitives.WriteUInt32BigEndian(record[8..], (uint)offset);
            BinaryPrimitives.WriteUInt32BigEndian(record[12..], (uint)bytes.Length);
            offset += (bytes.Length + 3) & ~3;
        }

        output.Write(header);
        foreach (var bytes in tables.Values)
        {
            output.Write(bytes);
            for (var pad = bytes.Length; pad % 4 != 0; pad++)
            {
                output.WriteByte(0);
            }
        }

        return output.ToArray();
    }

    private static uint Checksum(byte[] bytes)
    {
        uint sum = 0;
        for (var i = 0; i < bytes.Length; i += 4)
        {
            uint word = 0;
            for (var j = 0; j < 4; j++)
            {
                word = (word << 8) | (i + j < bytes.Length ? bytes[i + j] : 0u);
            }

            sum += word;
        }

        return sum;
    }

    /// <summary>The component glyphs of a composite glyph (none for a simple or empty one).</summary>
    private IEnumerable<ushort> Components(int offset, int length)
    {
        if (length <= 0 || I16(offset) >= 0)
        {
            yield break;
        }

        var position = offset + 10;
        const int argsAreWords = 0x0001, haveScale = 0x0008, moreComponents = 0x0020, haveXyScale = 0x0040, haveTwoByTwo = 0x0080;
        int flags;
        do
        {
            flags = U16(position);
            yield return U16(position + 2);
            position += 4 + ((flags & argsAreWords) != 0 ? 4 : 2);
            position += (flags & haveScale) != 0 ? 2 : (flags & haveXyScale) != 0 ? 4 : (flags & haveTwoByTwo) != 0 ? 8 : 0;
        }
        while ((flags & moreComponents) != 0 && position < offset + length);
    }

    private void ReadCmap()
    {
        var cmap = Table("cmap").Offset;
        var count = U16(cmap + 2);
        int? format4 = null, format12 = null;
        for (var i = 0; i < count; i++)
        {
            var record = cmap + 4 + 8 * i;
            var (platform, encoding) = (U16(record), U16(record + 2));
            var subtable = cmap + (int)U32(record + 4);
            var format = U16(subtable);
            if (format == 12 && (platform == 3 && encoding == 10 || platform == 0))
            {
                format12 = subtable;
            }
            else if (format == 4 && (platform == 3 && encoding == 1 || platform == 0))
            {
                format4 ??= subtable;
            }
        }

        if (format12 is { } table12)
        {
            var groups = (int)U32(table12 + 12);
            for (var g = 0; g < groups; g++)
            {
                var group = table12 + 16 + 12 * g;
                var (start, end, glyph) = (U32(group), U32(group + 4), U32(group + 8));
                for (var c = start; c <= end && c <= 0x10FFFF; c++)
                {
                    _cmap[(int)c] = (ushort)(glyph + (c - start));
                }
            }

            return;
        }

        if (format4 is not { } table)
        {
            throw new InvalidDataException($"{PostScriptName}: no Unicode cmap");
        }

        var segments = U16(table + 6) / 2;
        var ends = table + 14;
        var starts = ends + 2 * segments + 2;
        var deltas = starts + 2 * segments;
        var rangeOffsets = deltas + 2 * segments;
        for (var s = 0; s < segments; s++)
        {
            var (start, end, delta, rangeOffset) = (U16(starts + 2 * s), U16(ends + 2 * s), I16(deltas + 2 * s), U16(rangeOffsets + 2 * s));
            for (var c = start; c <= end && c != 0xFFFF; c++)
            {
                int glyph;
                if (rangeOffset == 0)
                {
                    glyph = (c + delta) & 0xFFFF;
                }
                else
                {
                    var address = rangeOffsets + 2 * s + rangeOffset + 2 * (c - start);
                    glyph = U16(address);
                    glyph = glyph == 0 ? 0 : (glyph + delta) & 0xFFFF;
                }

                if (glyph != 0)
                {
                    _cmap[c] = (ushort)glyph;
                }
            }
        }
    }

    private (int Offset, int Length) Table(string tag) =>
        _tables.TryGetValue(tag, out var table) ? table : throw new InvalidDataException($"{PostScriptName}: no '{tag}' table");

    private byte[] Slice(string tag)
    {
        var (offset, length) = Table(tag);
        return _data.AsSpan(offset, length).ToArray();
    }

    private ushort U16(int offset) => BinaryPrimitives.ReadUInt16BigEndian(_data.AsSpan(offset));

    private short I16(int offset) => BinaryPrimitives.ReadInt16BigEndian(_data.AsSpan(offset));

    private uint U32(int offset) => BinaryPrimitives.ReadUInt32BigEndian(_data.AsSpan(offset));
}
