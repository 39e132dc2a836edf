using CsCheck;
using Xunit.Sdk;

namespace VNexsus.UnitTests.Properties;

/// <summary>
/// Runs CsCheck generators from a fixed seed, so a CI run is reproducible and a failure names the input that broke it.
/// <c>VNEXSUS_PROPERTY_ITERATIONS</c> sets the number of cases per property (longer runs, see README "Tests");
/// <c>VNEXSUS_PROPERTY_SEED</c> another seed (a number).
/// </summary>
public static class Property
{
    public const ulong DefaultSeed = 20261126;
    public const long DefaultIterations = 300;

    public static ulong Seed => ulong.TryParse(Environment.GetEnvironmentVariable("VNEXSUS_PROPERTY_SEED"), out var seed) ? seed : DefaultSeed;

    public static long Iterations => long.TryParse(Environment.GetEnvironmentVariable("VNEXSUS_PROPERTY_ITERATIONS"), out var n) && n > 0 ? n : DefaultIterations;

    /// <summary>Checks <paramref name="assert"/> for <see cref="Iterations"/> cases (times <paramref name="scale"/> for cheap properties).</summary>
    public static void ForAll<T>(Gen<T> gen, Action<T> assert, int scale = 1)
    {
        var pcg = new PCG(1, Seed);
        var iterations = Iterations * scale;
        for (long i = 0; i < iterations; i++)
        {
            var value = gen.Generate(pcg, null, out _);
            try
            {
                assert(value);
            }
            catch (Exception error)
            {
                throw new XunitException($"Property failed on case {i} of seed {Seed} for input {Check.Print(value)}: {error.Message}", error);
            }
        }
    }
}
