using System.Text.Json;
using System.Text.Json.Serialization;

namespace VNexsus.Api.Web;

internal static class WebJson
{
    /// <summary>camelCase, Hangul unescaped (the JSON export is read by people too), enums as camelCase strings.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };
}
