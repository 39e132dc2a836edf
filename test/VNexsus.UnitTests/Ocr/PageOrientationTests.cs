using Microsoft.Extensions.Options;
using VNexsus.Ocr;
using VNexsus.Ocr.Engines;
using VNexsus.Ocr.Engines.Tesseract;
using VNexsus.Ocr.Imaging;
using VNexsus.Ocr.Rendering;
using VNexsus.Testing;

namespace VNexsus.UnitTests.Ocr;

/// <summary>Pages scanned sideways or upside down are read upright, their boxes on the page as scanned.</summary>
public sealed class PageOrientationTests
{
    [Theory]
    [InlineData(90, TesseractRunner.Library)]
    [InlineData(180, TesseractRunner.Library)]
    [InlineData(270, TesseractRunner.Library)]
    [InlineData(180, TesseractRunner.Process)]
    public async Task A_page_scanned_turned_is_read_upright_with_its_boxes_on_the_scan(int scannedTurn, TesseractRunner runner)
    {
        var upright = GrayImage.Decode(Fixtures.Bytes(Fixtures.ScanPng), ImageHeader.Png);
        var scanned = upright.Turned(scannedTurn);
        using var engine = new TesseractEngine(Options.Create(new TesseractOptions { Runner = runner }));

        var asRead = await engine.RecognizeAsync(Page(upright), CancellationToken.None);
        var turned = await engine.RecognizeAsync(Page(scanned), CancellationToken.None);

        var date = Assert.Single(asRead.Blocks, b => b.Text.Contains("2024.03.07")).Box!;
        var dateOnScan = Assert.Single(turned.Blocks, b => b.Text.Contains("2024.03.07")).Box!;
        var (x, y) = TurnPoint((date.XMin + date.XMax) / 2, (date.YMin + date.YMax) / 2, scannedTurn, upright.Width, upright.Height);
        Assert.InRange((dateOnScan.XMin + dateOnScan.XMax) / 2, x - 15, x + 15);
        Assert.InRange((dateOnScan.YMin + dateOnScan.YMax) / 2, y - 15, y + 15);
        Assert.All(turned.Blocks, b => Assert.True(b.Box!.XMax <= scanned.Width && b.Box.YMax <= scanned.Height));
        Assert.Equal(asRead.Blocks.Count, turned.Blocks.Count);
    }

    [Theory]
    [InlineData(90)]
    [InlineData(180)]
    [InlineData(270)]
    public void A_box_on_the_turned_page_goes_back_to_where_it_is_on_the_scan(int turn)
    {
        var scan = GrayImage.Blank(40, 20);
        for (var y = 2; y < 6; y++)
        {
            for (var x = 5; x < 10; x++)
            {
                scan.Pixels[(y * scan.Width) + x] = 0;
            }
        }

        var turned = scan.Turned(turn);
        var (left, top, right, bottom) = InkBox(turned);
        var word = new TesseractTsv.Word(1, 1, 1, left, top, right - left, bottom - top, 90, "가")
        {
            Correction = new TextCorrection("7", "가", "test", new BoundingBox(left, top, right, bottom)),
        };

        var back = Assert.Single(PageOrientation.ToScannedPage([word], turn, scan.Width, scan.Height));

        Assert.Equal((5, 2, 5, 4), (back.Left, back.Top, back.Width, back.Height));
        Assert.Equal(new BoundingBox(5, 2, 10, 6), back.Correction!.Box);
    }

    [Fact]
    public void Four_quarter_turns_give_the_page_back()
    {
        var page = GrayImage.Decode(Fixtures.Bytes(Fixtures.ScanPng), ImageHeader.Png);

        var round = page.Turned(90).Turned(90).Turned(180);

        Assert.Equal((page.Width, page.Height), (round.Width, round.Height));
        Assert.Equal(page.Pixels, round.Pixels);
    }

    [Theory]
    [InlineData("Orientation in degrees: 180\nRotate: 180\nOrientation confidence: 7.91\nScript: Korean\n", 180)]
    [InlineData("Page number: 0\nOrientation in degrees: 270\nRotate: 90\nOrientation confidence: 5.76\n", 90)]
    [InlineData("Orientation in degrees: 0\nRotate: 0\nOrientation confidence: 8.94\n", 0)]
    [InlineData("Orientation in degrees: 90\nRotate: 270\nOrientation confidence: 0.40\n", 0)]
    [InlineData("", 0)]
    public void The_orientation_pass_names_a_turn_only_when_sure(string output, int turn) =>
        Assert.Equal(turn, PageOrientation.UprightTurn(output));

    [Fact]
    public void The_library_answers_as_the_cli_prints() =>
        Assert.Equal(90, PageOrientation.UprightTurn(PageOrientation.Format(270, 5.76f)));

    [Fact]
    public void Only_a_page_read_as_almost_nothing_legible_is_checked()
    {
        var legible = Enumerable.Range(0, 40).Select(i => Word(i, 91, "진")).ToList();
        var noise = Enumerable.Range(0, 40).Select(i => Word(i, i < 12 ? 80 : 30, "ㅡ")).ToList();

        Assert.False(PageOrientation.MayBeTurned(legible));
        Assert.True(PageOrientation.MayBeTurned(noise));
        Assert.True(PageOrientation.MayBeTurned([]));
        Assert.True(PageOrientation.ReadsBetter(legible, noise));
        Assert.False(PageOrientation.ReadsBetter(noise, legible));
    }

    private static TesseractTsv.Word Word(int index, double confidence, string text) => new(1, 1, index / 10, index * 30, 0, 25, 30, confidence, text);

    private static PageImage Page(GrayImage image) => new(image.ToPgm(), ImageHeader.Pgm, image.Width, image.Height);

    /// <summary>Where a point of the upright page is on the page turned clockwise by <paramref name="turn"/>.</summary>
    private static (double X, double Y) TurnPoint(double x, double y, int turn, int width, int height) => turn switch
    {
        90 => (height - y, x),
        180 => (width - x, height - y),
        _ => (y, width - x),
    };

    private static (int Left, int Top, int Right, int Bottom) InkBox(GrayImage image)
    {
        var (left, top, right, bottom) = (int.MaxValue, int.MaxValue, 0, 0);
        for (var y = 0; y < image.Height; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                if (image[x, y] == 0)
                {
                    (left, top, right, bottom) = (Math.Min(left, x), Math.Min(top, y), Math.Max(right, x + 1), Math.Max(bottom, y + 1));
                }
            }
        }

        return (left, top, right, bottom);
    }
}
