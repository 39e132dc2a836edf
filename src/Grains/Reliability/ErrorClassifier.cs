using System.Net;
using System.Net.Sockets;
using Orleans.Runtime;
using Orleans.Runtime.Messaging;
using VNexsus.Ocr;
using VNexsus.Ocr.Engines;

namespace VNexsus.Reliability;

/// <summary>The error classes of the customer's plan; they decide whether and how an operation is retried.</summary>
public enum ErrorClass
{
    /// <summary>Worth another try soon: dropped connections, timeouts, an unreachable silo, HTTP 5xx.</summary>
    Temporary,

    /// <summary>The other side asked us to slow down (HTTP 429, quota): retry after its hint.</summary>
    RateLimit,

    /// <summary>The input itself is at fault: retrying gives the same answer.</summary>
    InvalidInput,

    /// <summary>Our own fault or configuration (missing tool, bad credentials, full disk).</summary>
    System,

    Unknown,
}

/// <summary>
/// Maps real exceptions to <see cref="ErrorClass"/>: socket and I/O errors, timeouts and Orleans transport failures
/// are temporary; HTTP status codes by their meaning; our own document and engine errors by their kind. Exceptions
/// without a type that says more are matched, as the plan does, on the codes their messages carry
/// (<c>ECONNRESET</c>, <c>429</c>, <c>INVALID_FILE_FORMAT</c>, <c>500</c> …).
/// </summary>
public static class ErrorClassifier
{
    private static readonly (ErrorClass Class, string[] Codes)[] MessageCodes =
    [
        (ErrorClass.Temporary, ["ECONNRESET", "ETIMEDOUT", "ENOTFOUND"]),
        (ErrorClass.RateLimit, ["429", "QUOTA_EXCEEDED"]),
        (ErrorClass.InvalidInput, ["400", "INVALID_FILE_FORMAT"]),
        (ErrorClass.System, ["500", "INTERNAL_ERROR"]),
    ];

    public static ErrorClass Classify(Exception error) => error switch
    {
        OcrEngineException engine => engine.Kind switch
        {
            OcrFailureKind.Transient => ErrorClass.Temporary,
            OcrFailureKind.RateLimited => ErrorClass.RateLimit,
            OcrFailureKind.InvalidInput => ErrorClass.InvalidInput,
            _ => ErrorClass.System,
        },
        InvalidDocumentException or ArgumentException or FormatException => ErrorClass.InvalidInput,
        HttpRequestException { StatusCode: { } status } => ClassifyStatus(status),
        HttpRequestException or SocketException or IOException or TimeoutException => ErrorClass.Temporary,
        SiloUnavailableException or OrleansMessageRejectionException or ConnectionFailedException => ErrorClass.Temporary,
        UnauthorizedAccessException or OutOfMemoryException => ErrorClass.System,
        AggregateException { InnerExceptions.Count: 1 } aggregate => Classify(aggregate.InnerExceptions[0]),
        _ => ClassifyMessage(error.Message),
    };

    /// <summary>
    /// True when an Orleans call could not be delivered or answered because the cluster is changing: the target silo
    /// died or is unreachable, a gateway sheds load, or no answer came in time. The outcome of the call is unknown, never the callee's
    /// verdict, so callers retry the whole operation later rather than record a failure. Also unwraps a single-error
    /// <see cref="AggregateException"/>.
    /// </summary>
    public static bool IsClusterUnavailable(Exception error) => error switch
    {
        SiloUnavailableException or OrleansMessageRejectionException or ConnectionFailedException or GatewayTooBusyException or TimeoutException => true,
        AggregateException { InnerExceptions.Count: 1 } aggregate => IsClusterUnavailable(aggregate.InnerExceptions[0]),
        _ => false,
    };

    public static ErrorClass ClassifyStatus(HttpStatusCode status) => (int)status switch
    {
        429 => ErrorClass.RateLimit,
        408 or >= 500 => ErrorClass.Temporary,
        401 or 403 => ErrorClass.System,
        >= 400 => ErrorClass.InvalidInput,
        _ => ErrorClass.Unknown,
    };

    /// <summary>The plan's names: TEMPORARY, RATE_LIMIT, INVALID_INPUT, SYSTEM, UNKNOWN.</summary>
    public static string Name(ErrorClass errorClass) => errorClass switch
    {
        ErrorClass.Temporary => "TEMPORARY",
        ErrorClass.RateLimit => "RATE_LIMIT",
        ErrorClass.InvalidInput => "INVALID_INPUT",
        ErrorClass.System => "SYSTEM",
        _ => "UNKNOWN",
    };

    private static ErrorClass ClassifyMessage(string message)
    {
        foreach (var (errorClass, codes) in MessageCodes)
        {
            if (codes.Any(code => message.Contains(code, StringComparison.Ordinal)))
            {
                return errorClass;
            }
        }

        return ErrorClass.Unknown;
    }
}
