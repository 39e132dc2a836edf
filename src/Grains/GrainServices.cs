using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using VNexsus.Ocr;
using VNexsus.Rules;
using VNexsus.Storage;

namespace VNexsus;

public static class GrainServices
{
    /// <summary>The data directory and its stores; needed by silos and by an API that stages uploads.</summary>
    public static IServiceCollection AddVNexsusStorage(this IServiceCollection services, string dataDirectory)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(new DataDirectory(dataDirectory));
        services.TryAddSingleton<BlobStore>();
        services.TryAddSingleton(sp => new JsonDocumentStore<ExtractedDocument>(sp.GetRequiredService<DataDirectory>().Extractions));
        services.TryAddSingleton(sp => new JsonDocumentStore<AnalysisResult>(sp.GetRequiredService<DataDirectory>().Analyses));
        return services;
    }

    /// <summary>What the grains of a silo need besides Orleans itself.</summary>
    public static IServiceCollection AddVNexsusGrainServices(this IServiceCollection services, string dataDirectory)
    {
        services.AddVNexsusStorage(dataDirectory);
        services.TryAddSingleton<IDocumentExtractor, DocumentExtractor>();
        return services;
    }
}
