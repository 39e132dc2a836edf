using System.Net;
using System.Net.Sockets;
using VNexsus.Ocr;
using VNexsus.Ocr.Engines;
using VNexsus.Reliability;

namespace VNexsus.UnitTests.Reliability;

public sealed class ErrorClassifierTests
{
    public static TheoryData<Exception, ErrorClass> Cases => new()
    {
        { new Exception("ECONNRESET"), ErrorClass.Temporary },
        { new Exception("429 Too Many Requests"), ErrorClass.RateLimit },
        { new Exception("QUOTA_EXCEEDED for project"), ErrorClass.RateLimit },
        { new Exception("INVALID_FILE_FORMAT"), ErrorClass.InvalidInput },
        { new Exception("500 INTERNAL_ERROR"), ErrorClass.System },
        { new Exception("something else"), ErrorClass.Unknown },
        { new SocketException((int)SocketError.ConnectionReset), ErrorClass.Temporary },
        { new TimeoutException(), ErrorClass.Temporary },
        { new IOException("pipe closed"), ErrorClass.Temporary },
        { new HttpRequestException("x", null, HttpStatusCode.TooManyRequests), ErrorClass.RateLimit },
        { new HttpRequestException("x", null, HttpStatusCode.ServiceUnavailable), ErrorClass.Temporary },
        { new HttpRequestException("x", null, HttpStatusCode.BadRequest), ErrorClass.InvalidInput },
        { new HttpRequestException("x", null, HttpStatusCode.Unauthorized), ErrorClass.System },
        { new HttpRequestException("no route to host"), ErrorClass.Temporary },
        { new Orleans.Runtime.SiloUnavailableException(), ErrorClass.Temporary },
        { new OcrEngineException(OcrFailureKind.Transient, "503"), ErrorClass.Temporary },
        { new OcrEngineException(OcrFailureKind.RateLimited, "slow down"), ErrorClass.RateLimit },
        { new OcrEngineException(OcrFailureKind.InvalidInput, "bad image"), ErrorClass.InvalidInput },
        { new OcrEngineException(OcrFailureKind.Configuration, "no key"), ErrorClass.System },
        { new InvalidDocumentException(ExtractionErrors.CorruptFile, "truncated"), ErrorClass.InvalidInput },
    };

    public static TheoryData<Exception, bool> ClusterCases => new()
    {
        { new Orleans.Runtime.SiloUnavailableException(), true },
        { new Orleans.Runtime.Messaging.ConnectionFailedException("refused"), true },
        { new Orleans.Runtime.GatewayTooBusyException(), true },
        { new TimeoutException(), true },
        { new AggregateException(new Orleans.Runtime.SiloUnavailableException()), true },
        { new IOException("pipe closed"), false },
        { new OcrEngineException(OcrFailureKind.Transient, "503"), false },
        { new InvalidOperationException("Activation access violation"), false },
        { new AggregateException(new TimeoutException(), new TimeoutException()), false },
    };

    /// <summary>Only failures of the cluster itself, never the page's or the engine's, mean "ask again later".</summary>
    [Theory]
    [MemberData(nameof(ClusterCases))]
    public void Cluster_transport_failures_are_told_apart_from_everything_else(Exception error, bool clusterUnavailable) =>
        Assert.Equal(clusterUnavailable, ErrorClassifier.IsClusterUnavailable(error));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Exceptions_map_to_the_plans_error_classes(Exception error, ErrorClass expected) =>
        Assert.Equal(expected, ErrorClassifier.Classify(error));

    [Fact]
    public void Class_names_are_the_plans()
    {
        Assert.Equal(["TEMPORARY", "RATE_LIMIT", "INVALID_INPUT", "SYSTEM", "UNKNOWN"], Enum.GetValues<ErrorClass>().Select(ErrorClassifier.Name).ToArray());
    }
}
