using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using VNexsus.Hosting;
using VNexsus.Jobs;
using VNexsus.Ocr;
using VNexsus.Storage;
using VNexsus.Testing;

namespace VNexsus.GrainTests;

/// <summary>Counts real extractions per document hash, across every silo of the process.</summary>
public sealed class CountingExtractor(IDocumentExtractor inner) : IDocumentExtractor
{
    private static readonly ConcurrentDictionary<string, int> Counts = new();

    public static int CountFor(string sha256) => Counts.GetValueOrDefault(sha256);

    public TextLayerResult ReadTextLayer(DocumentRef document)
    {
        Counts.AddOrUpdate(document.Sha256, 1, (_, count) => count + 1);
        return inner.ReadTextLayer(document);
    }

    public ExtractionResult Complete(DocumentRef document, TextLayerResult layer, IReadOnlyList<PageOcrResult> ocr) =>
        inner.Complete(document, layer, ocr);
}

/// <summary>
/// A two-silo in-process cluster with the embedded mode's file persistence under a data directory of its own, so
/// calls cross silos (and serialization) as in a real cluster.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public TemporaryDirectory DataDirectory { get; } = new();

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IClusterClient Client => Cluster.Client;

    public BlobStore Blobs { get; private set; } = null!;

    /// <param name="services">Registrations made before the host's own (which only add what is missing), e.g. a fault-injecting engine.</param>
    public static InProcessTestCluster Create(string dataDirectory, short silos = 2, OcrEngineChoice engine = OcrEngineChoice.None, Action<IServiceCollection>? services = null)
    {
        var builder = new InProcessTestClusterBuilder(silos);
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo((_, silo) =>
        {
            services?.Invoke(silo.Services);
            silo.Services.AddVNexsusGrainServices(dataDirectory, new OcrOptions { Engine = engine });
            silo.Services.AddSingleton<IDocumentExtractor>(sp => new CountingExtractor(ActivatorUtilities.CreateInstance<DocumentExtractor>(sp)));
            silo.UseVNexsusFilePersistence();
        });
        return builder.Build();
    }

    public async Task InitializeAsync()
    {
        Blobs = new BlobStore(new DataDirectory(DataDirectory.Path));
        Cluster = Create(DataDirectory.Path);
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        DataDirectory.Dispose();
    }

    public async Task<DocumentRef> StoreAsync(byte[] bytes, DocumentKind kind)
    {
        using var staged = await Blobs.StageAsync(new MemoryStream(bytes), long.MaxValue, CancellationToken.None);
        staged.Commit();
        return new DocumentRef(staged.Sha256, kind, staged.Length);
    }

    public Task<JobSnapshot> WaitForFinishAsync(string jobId) => WaitForFinishAsync(Client, jobId);

    public static async Task<JobSnapshot> WaitForFinishAsync(IClusterClient client, string jobId) =>
        (await Eventually.Until(() => client.GetGrain<IJobGrain>(jobId).GetSnapshot(), s => s is { IsTerminal: true }, $"job {jobId} to finish"))!;
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
