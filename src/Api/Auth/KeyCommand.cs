using System.Globalization;
using VNexsus.Hosting;

namespace VNexsus.Api.Auth;

/// <summary>
/// <c>dotnet VNexsus.Api.dll keys issue --tenant &lt;id&gt; | issue --operator | revoke &lt;keyId&gt; | list [settings]</c>: the administrator's
/// commands on the key store of the configured data directory (the same settings as the server: appsettings,
/// environment, <c>--VNexsus:DataDir=…</c>). <c>issue</c> prints the key alone on standard output, once; everything
/// else goes to standard error, so <c>KEY=$(… keys issue --tenant acme)</c> works.
/// </summary>
public static class KeyCommand
{
    public const string Name = "keys";

    private const string Usage =
        "usage: dotnet VNexsus.Api.dll keys issue --tenant <tenantId> [settings]\n" +
        "       dotnet VNexsus.Api.dll keys issue --operator [settings]   (the Orleans dashboard; no tenant's documents)\n" +
        "       dotnet VNexsus.Api.dll keys revoke <keyId> [settings]\n" +
        "       dotnet VNexsus.Api.dll keys list [settings]\n" +
        "settings as for the server, e.g. --VNexsus:DataDir=/srv/vnexsus";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        if (args is not [var verb, .. var rest])
        {
            await error.WriteLineAsync(Usage);
            return 2;
        }

        string? tenant = null;
        var forOperators = false;
        string? keyId = null;
        var settings = new List<string>();
        for (var i = 0; i < rest.Length; i++)
        {
            if (rest[i] == "--tenant" && i + 1 < rest.Length)
            {
                tenant = rest[++i];
            }
            else if (rest[i] == "--operator")
            {
                forOperators = true;
            }
            else if (i == 0 && verb == "revoke" && !rest[i].StartsWith('-'))
            {
                keyId = rest[i];
            }
            else
            {
                settings.Add(rest[i]);
            }
        }

        var configuration = WebApplication.CreateBuilder(settings.ToArray()).Configuration;
        var dataDir = configuration.GetSection(VNexsusOptions.Section).Get<VNexsusOptions>()?.DataDir ?? new VNexsusOptions().DataDir;
        var store = ApiKeyStore.In(dataDir, TimeProvider.System);
        switch (verb)
        {
            case "issue" when forOperators && tenant is null:
                var operatorKey = await store.IssueOperatorKeyAsync();
                await error.WriteLineAsync($"Issued operator key {operatorKey.Record.KeyId} in {store.Path}. It opens the dashboard, no tenant's documents. It is shown once and stored only as a hash:");
                await output.WriteLineAsync(operatorKey.Key);
                return 0;
            case "issue" when tenant is not null && !forOperators:
                if (!ApiKeyStore.IsTenantId(tenant))
                {
                    await error.WriteLineAsync($"'{tenant}' is not a tenant id: use lower-case letters, digits, '-' and '_' (at most 64).");
                    return 2;
                }

                var issued = await store.IssueAsync(tenant);
                await error.WriteLineAsync($"Issued key {issued.Record.KeyId} for tenant {tenant} in {store.Path}. It is shown once and stored only as a hash:");
                await output.WriteLineAsync(issued.Key);
                return 0;
            case "revoke" when keyId is not null:
                if (await store.RevokeAsync(keyId) is not { } revoked)
                {
                    await error.WriteLineAsync($"No key {keyId} in {store.Path}.");
                    return 1;
                }

                await error.WriteLineAsync($"Key {revoked.KeyId} of {OwnerOf(revoked)} is revoked.");
                return 0;
            case "list":
                await output.WriteLineAsync("keyId\ttenant\tcreated\tstatus\tscope");
                foreach (var key in store.List())
                {
                    var status = key.Revoked ? $"revoked {key.RevokedAt?.ToString("u", CultureInfo.InvariantCulture)}" : "active";
                    await output.WriteLineAsync($"{key.KeyId}\t{key.TenantId ?? "-"}\t{key.CreatedAt.ToString("u", CultureInfo.InvariantCulture)}\t{status}\t{key.Scope.ToString().ToLowerInvariant()}");
                }

                return 0;
            default:
                await error.WriteLineAsync(Usage);
                return 2;
        }
    }

    private static string OwnerOf(ApiKeyRecord key) => key.Scope == ApiKeyScope.Operator ? "operators" : $"tenant {key.TenantId}";
}
