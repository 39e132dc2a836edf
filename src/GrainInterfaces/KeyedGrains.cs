namespace VNexsus;

/// <summary>
/// References to string-keyed grains without the reflection Orleans' <c>GetGrain&lt;T&gt;(key)</c> repeats on every
/// call (the interface's attributes read and its type name formatted: about 5 % of a status poll's CPU in
/// <c>bench/load</c>). The grain type and interface type of <typeparamref name="T"/> are resolved once, from an
/// ordinary reference; the reference returned is the one <c>GetGrain&lt;T&gt;(key)</c> returns. For the hot paths.
/// </summary>
public static class KeyedGrains
{
    public static T Grain<T>(this IGrainFactory grains, string key) where T : IGrainWithStringKey
    {
        var types = TypesOf<T>.Resolved ??= Resolve<T>(grains);
        return (T)grains.GetGrain(GrainId.Create(types.Grain, key), types.Interface);
    }

    private static GrainTypes Resolve<T>(IGrainFactory grains) where T : IGrainWithStringKey
    {
        var reference = (GrainReference)(object)grains.GetGrain<T>(nameof(Resolve));
        return new GrainTypes(reference.GrainId.Type, reference.InterfaceType);
    }

    private sealed record GrainTypes(GrainType Grain, GrainInterfaceType Interface);

    private static class TypesOf<T>
    {
        public static GrainTypes? Resolved;
    }
}
