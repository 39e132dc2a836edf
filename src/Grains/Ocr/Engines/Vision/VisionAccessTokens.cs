using Google.Apis.Auth.OAuth2;
using Google.Apis.Auth.OAuth2.Responses;

namespace VNexsus.Ocr.Engines.Vision;

/// <summary>Where the engine gets an OAuth bearer token when it does not use an API key.</summary>
public interface IVisionAccessTokenSource
{
    /// <summary>
    /// A token valid for at least the next request. Throws <see cref="OcrEngineException"/>: Configuration when the
    /// credentials are unusable, Transient when the token service could not be reached.
    /// </summary>
    Task<string> GetAccessTokenAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Tokens for a service account, from its JSON key file, scoped to Cloud Vision. The key is loaded on first use (so
/// resolving the engine never touches the file); Google.Apis.Auth caches each token and refreshes it before it expires.
/// </summary>
public sealed class ServiceAccountTokenSource(string credentialsFile) : IVisionAccessTokenSource
{
    public const string Scope = "https://www.googleapis.com/auth/cloud-vision";

    private readonly Lazy<ITokenAccess> _credential = new(() => Load(credentialsFile), LazyThreadSafetyMode.ExecutionAndPublication);

    public async Task<string> GetAccessTokenAsync(CancellationToken cancellationToken)
    {
        ITokenAccess credential;
        try
        {
            credential = _credential.Value;
        }
        catch (Exception e) when (e is not OcrEngineException)
        {
            throw new OcrEngineException(
                OcrFailureKind.Configuration, $"The Vision credentials file '{credentialsFile}' could not be loaded as a service-account key.", inner: e);
        }

        try
        {
            return await credential.GetAccessTokenForRequestAsync(authUri: null, cancellationToken);
        }
        catch (TokenResponseException e) when (e.Error?.Error is "invalid_grant" or "invalid_client" or "unauthorized_client" or "invalid_scope")
        {
            throw new OcrEngineException(
                OcrFailureKind.Configuration, $"Google refused the Vision service account ({e.Error.Error}).", inner: e);
        }
        catch (TokenResponseException e)
        {
            throw new OcrEngineException(
                OcrFailureKind.Transient, $"Google's token service failed (HTTP {(int?)e.StatusCode}).", inner: e);
        }
        catch (HttpRequestException e)
        {
            throw new OcrEngineException(OcrFailureKind.Transient, "Google's token service could not be reached.", inner: e);
        }
    }

    private static ITokenAccess Load(string path)
    {
        // CredentialFactory with the concrete type refuses any other credential kind in the file (GoogleCredential.FromFile
        // is deprecated for accepting anything, which is a risk with an externally supplied file).
        var scoped = CredentialFactory.FromFile<ServiceAccountCredential>(path).ToGoogleCredential().CreateScoped(Scope);
        return scoped.UnderlyingCredential as ITokenAccess
            ?? throw new InvalidOperationException("The scoped service-account credential cannot issue access tokens.");
    }
}
