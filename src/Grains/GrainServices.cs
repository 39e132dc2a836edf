using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VNexsus.Ocr;
using VNexsus.Ocr.Engines;
using VNexsus.Ocr.Engines.Tesseract;
using VNexsus.Ocr.Engines.Vision;
using VNexsus.Ocr.Inspection;
using VNexsus.Ocr.Rendering;
using VNexsus.Ocr.Scheduling;
using VNexsus.Rules;
using VNexsus.Storage;

namespace VNexsus;

public static class GrainServices
{
    /// <summary>The data directory and its stores; needed by silos and by an API that stages uploads and renders page images.</summary>
    public static IServiceCollection AddVNexsusStorage(this IServiceCollection services, string dataDirectory, DocumentLimits limits)
    {
        services.TryAddSingleton(limits);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(new DataDirectory(dataDirectory));
        services.TryAddSingleton<BlobStore>();
        services.TryAddSingleton<PageImageRenderer>();
        services.TryAddSingleton(sp => new JsonDocumentStore<ExtractedDocument>(sp.GetRequiredService<DataDirectory>().Extractions));
        services.TryAddSingleton(sp => new JsonDocumentStore<AnalysisResult>(sp.GetRequiredService<DataDirectory>().Analyses));
        return services;
    }

    /// <summary>
    /// What the grains of a silo need besides Orleans itself, with the OCR engine chosen by <paramref name="ocr"/>; the
    /// Vision engine reads its settings from <paramref name="configuration"/> (<c>VNexsus:Ocr:Vision</c>).
    /// </summary>
    public static IServiceCollection AddVNexsusGrainServices(this IServiceCollection services, string dataDirectory, OcrOptions ocr, IConfiguration? configuration = null)
    {
        services.AddVNexsusStorage(dataDirectory, ocr.Limits);
        services.TryAddSingleton(Options.Create(ocr));
        services.TryAddSingleton(Options.Create(new RuleGrainOptions()));
        services.TryAddSingleton<IDocumentExtractor, DocumentExtractor>();
        services.TryAddSingleton<PageRasterizer>();
        services.TryAddSingleton(sp => new OcrSlotQueue(ocr.EffectiveConcurrentPages, ocr.Scheduling, sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<OcrProgressTracker>();
        services.TryAddSingleton<OcrLoadPublisher>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<OcrLoadPublisher>());
        switch (ocr.Engine)
        {
            case OcrEngineChoice.Tesseract:
                services.TryAddSingleton(Options.Create(ocr.Tesseract));
                services.TryAddSingleton<IOcrEngine>(sp => new TesseractEngine(
                    sp.GetRequiredService<IOptions<TesseractOptions>>(), ocr.EffectiveConcurrentPages, sp.GetService<ILogger<TesseractEngine>>()));
                break;
            case OcrEngineChoice.None:
                services.TryAddSingleton<IOcrEngine, NoOcrEngine>();
                break;
            case OcrEngineChoice.Vision:
                services.AddVisionOcrEngine((configuration ?? throw new ArgumentNullException(nameof(configuration), "The Vision engine is configured from VNexsus:Ocr:Vision."))
                    .GetSection(VisionOptions.SectionName));
                services.TryAddSingleton(sp => sp.GetRequiredKeyedService<IOcrEngine>(VisionOcrEngine.ServiceKey));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(ocr), ocr.Engine, "Unknown OCR engine.");
        }

        return services;
    }
}
