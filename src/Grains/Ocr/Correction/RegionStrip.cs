using VNexsus.Ocr.Engines.Tesseract;
using VNexsus.Ocr.Imaging;

namespace VNexsus.Ocr.Correction;

/// <summary>
/// Regions of a page stacked into one image, so a page costs one extra recognition however many regions it re-reads.
/// Each region is cropped, enlarged when its glyphs are small (200-dpi scans), and pasted on white with a gap of half its
/// height, so the recogniser sees one line per region.
/// </summary>
public sealed record RegionStrip(GrayImage Image, IReadOnlyList<RegionStrip.Slot> Slots)
{
    /// <summary>Crops whose text is lower than this are enlarged so the model sees usual glyph sizes.</summary>
    public const int SmallGlyphHeight = 26;

    private const int Margin = 16;

    /// <summary>
    /// A rectangle of the page to re-read, for the words <paramref name="First"/>..<paramref name="Last"/> (inclusive).
    /// Page columns outside <paramref name="InkLeft"/>..<paramref name="InkRight"/> (exclusive) are read as paper: a glyph
    /// read alone keeps the paper around it without its neighbours' ink. A region with a <paramref name="Slope"/> (pixels
    /// down per pixel right) is a band along a turned page's line (<see cref="GrayImage.CropAlong"/>), Top its top at Left;
    /// such a band is cropped to its ink beforehand and keeps every column it has.
    /// </summary>
    public sealed record Region(int First, int Last, int Left, int Top, int Width, int Height, int GlyphHeight, int InkLeft = int.MinValue, int InkRight = int.MaxValue, double Slope = 0);

    /// <summary>Where one region sits in the strip.</summary>
    public sealed record Slot(Region Region, int Top, int Bottom)
    {
        public int WordIndex => Region.First;
    }

    /// <summary>
    /// The strip of the regions, or null when there is nothing to look at. <paramref name="halved"/>: every crop at half the
    /// size it would have otherwise, a second view of the same pixels for a region the first did not read.
    /// </summary>
    public static RegionStrip? Build(GrayImage page, IReadOnlyList<Region> regions, bool halved = false)
    {
        if (regions.Count == 0)
        {
            return null;
        }

        var crops = regions
            .Select(r => (Region: r, Image: Sized(Cropped(page, r), enlarge: r.GlyphHeight < SmallGlyphHeight, halved)))
            .ToList();
        var width = crops.Max(c => c.Image.Width) + (2 * Margin);
        var gaps = crops.Select(c => Math.Max(Margin, c.Image.Height / 2)).ToList();
        var strip = GrayImage.Blank(width, crops.Sum(c => c.Image.Height) + gaps.Sum() + Margin);
        var slots = new List<Slot>();
        var y = Margin;
        for (var i = 0; i < crops.Count; i++)
        {
            strip.Paste(crops[i].Image, Margin, y);
            slots.Add(new Slot(crops[i].Region, y, y + crops[i].Image.Height));
            y += crops[i].Image.Height + gaps[i];
        }

        return new RegionStrip(strip, slots);
    }

    private static GrayImage Cropped(GrayImage page, Region region)
    {
        if (region.Slope != 0)
        {
            return page.CropAlong(region.Left, region.Top, region.Width, region.Height, region.Slope);
        }

        var crop = page.Crop(region.Left, region.Top, region.Width, region.Height);
        if (region.InkLeft == int.MinValue && region.InkRight == int.MaxValue)
        {
            return crop;
        }

        // Crop clips the rectangle to the page: its first column is the page's column Left clipped.
        var left = Math.Clamp(region.Left, 0, page.Width - 1);
        return crop.KeepingColumns(region.InkLeft - left, region.InkRight - left);
    }

    private static GrayImage Sized(GrayImage crop, bool enlarge, bool halved) => (enlarge, halved) switch
    {
        (true, false) => crop.Enlarge(2),
        (false, true) => crop.Halved(),
        _ => crop,
    };

    /// <summary>The words read in a slot's band (by their vertical centre), left to right.</summary>
    public static IReadOnlyList<TesseractTsv.Word> WordsIn(Slot slot, IReadOnlyList<TesseractTsv.Word> stripWords) =>
        stripWords
            .Where(w => w.Top + (w.Height / 2) >= slot.Top && w.Top + (w.Height / 2) < slot.Bottom)
            .OrderBy(w => w.Left)
            .ToList();
}
