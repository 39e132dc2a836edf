using System.Globalization;

namespace VNexsus.Bench;

/// <summary>Order statistics of a sample; percentiles by the nearest-rank method (no interpolation).</summary>
public sealed class Stats
{
    private readonly double[] _sorted;

    public Stats(IEnumerable<double> samples)
    {
        _sorted = samples.Order().ToArray();
        if (_sorted.Length == 0)
        {
            throw new ArgumentException("A sample needs at least one value.", nameof(samples));
        }
    }

    public int Count => _sorted.Length;

    public double Min => _sorted[0];

    public double Max => _sorted[^1];

    public double Median => Percentile(50);

    public double Sum => _sorted.Sum();

    public double Percentile(double p) => _sorted[Math.Clamp((int)Math.Ceiling(p / 100.0 * _sorted.Length) - 1, 0, _sorted.Length - 1)];
}

/// <summary>Invariant-culture number formatting, so the table reads the same under any locale.</summary>
public static class Fmt
{
    public static string N(double value, string format = "0.0") => value.ToString(format, CultureInfo.InvariantCulture);

    public static string Ratio(double value, string format = "0.00") => value.ToString(format, CultureInfo.InvariantCulture) + "×";

    public static string Kb(long bytes) => (bytes / 1024.0).ToString("0", CultureInfo.InvariantCulture) + " KB";
}

/// <summary>A markdown-style table with right-aligned numeric columns.</summary>
public sealed class Table(params string[] headers)
{
    private readonly List<string[]> _rows = [];

    public Table Row(params string[] cells)
    {
        if (cells.Length != headers.Length)
        {
            throw new ArgumentException($"Expected {headers.Length} cells, got {cells.Length}.", nameof(cells));
        }

        _rows.Add(cells);
        return this;
    }

    public void WriteTo(TextWriter output)
    {
        var widths = headers.Select((h, i) => _rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        output.WriteLine("| " + string.Join(" | ", headers.Select((h, i) => i == 0 ? h.PadRight(widths[i]) : h.PadLeft(widths[i]))) + " |");
        output.WriteLine("|" + string.Join("|", widths.Select((w, i) => i == 0 ? new string('-', w + 2) : new string('-', w + 1) + ":")) + "|");
        foreach (var row in _rows)
        {
            output.WriteLine("| " + string.Join(" | ", row.Select((c, i) => i == 0 ? c.PadRight(widths[i]) : c.PadLeft(widths[i]))) + " |");
        }
    }
}
