using VNexsus.Ocr.Imaging;

namespace VNexsus.UnitTests.Ocr;

public sealed class GrayImageTests
{
    [Fact]
    public void Two_thirds_makes_each_three_by_three_block_two_by_two_weighting_the_pixels_each_new_pixel_covers()
    {
        // One block: rows 0 30 60 / 90 120 150 / 180 210 240. Along a row (2a+b)/3 and (b+2c)/3, then down the columns.
        byte[] block = [0, 30, 60, 90, 120, 150, 180, 210, 240];

        var reduced = new GrayImage(3, 3, block).TwoThirds();

        Assert.Equal((2, 2), (reduced.Width, reduced.Height));
        Assert.Equal([40, 80, 160, 200], reduced.Pixels);
    }

    [Fact]
    public void Two_thirds_drops_a_last_row_or_column_that_makes_no_full_block_and_keeps_the_levels_of_flat_areas()
    {
        var page = GrayImage.Blank(8, 7, 200);
        page.Pixels[(6 * 8) + 7] = 0; // the last row and column: no full block

        var reduced = page.TwoThirds();

        Assert.Equal((4, 4), (reduced.Width, reduced.Height));
        Assert.All(reduced.Pixels, p => Assert.Equal(200, p));
    }

    [Fact]
    public void An_image_too_small_for_a_block_stays_as_it_is()
    {
        var strip = GrayImage.Blank(2, 9, 100);

        Assert.Same(strip, strip.TwoThirds());
    }
}
