namespace VNexsus.Api;

/// <summary>The v2 response envelope for endpoints that have no v1 body to stay compatible with (domain.md §4.4).</summary>
public static class Envelope
{
    public static IResult Success(HttpContext context, object data) =>
        Results.Json(new { success = true, data, meta = new { requestId = context.TraceIdentifier } });

    public static IResult Failure(HttpContext context, int status, string code, string message) =>
        Results.Json(new { success = false, error = new { code, message }, meta = new { requestId = context.TraceIdentifier } }, statusCode: status);
}
