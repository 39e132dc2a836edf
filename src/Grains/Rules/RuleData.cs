using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using VNexsus.Rules.Codes;
using VNexsus.Rules.Dates;
using VNexsus.Rules.Disclosure;
using VNexsus.Rules.Events;
using VNexsus.Rules.Hospitals;

namespace VNexsus.Rules;

/// <summary>
/// The rule engine's data: keyword lists, the KCD table, hospital aliases and disclosure policies. The defaults ship
/// as JSON files embedded in the assembly (and copied beside it); administrators may add policies from their own file.
/// </summary>
public sealed class RuleData
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters = { new JsonStringEnumConverter() },
    };

    private static readonly Lazy<RuleData> LazyDefault = new(() => new RuleData(
        Load<DateKeywords>("Dates.date-keywords.json"),
        Load<EntityKeywords>("Events.entity-keywords.json"),
        Load<HospitalData>("Hospitals.hospital-aliases.json"),
        Load<KcdData>("Codes.kcd.json"),
        Load<PolicyData>("Disclosure.policies.json")));

    public RuleData(DateKeywords dates, EntityKeywords entities, HospitalData hospitals, KcdData kcd, PolicyData policies)
    {
        Dates = dates;
        Entities = entities;
        Hospitals = new HospitalNormaliser(hospitals, entities.Departments);
        Kcd = new KcdTable(kcd);
        Policies = policies;
        Classifier = new DateClassifier(dates);
        Extractor = new EntityExtractor(entities, Kcd, Hospitals);
    }

    /// <summary>The shipped defaults.</summary>
    public static RuleData Default => LazyDefault.Value;

    public DateKeywords Dates { get; }

    public EntityKeywords Entities { get; }

    public HospitalNormaliser Hospitals { get; }

    public KcdTable Kcd { get; }

    public PolicyData Policies { get; }

    internal DateClassifier Classifier { get; }

    internal EntityExtractor Extractor { get; }

    /// <summary>The shipped defaults plus the policies of a user file (same shape as policies.json); a user policy with a shipped id replaces it.</summary>
    public RuleData WithUserPolicies(string path)
    {
        var user = JsonSerializer.Deserialize<PolicyData>(File.ReadAllText(path), Json) ?? throw new InvalidDataException($"No policies in {path}");
        var merged = Policies.Policies.Where(p => user.Policies.All(u => u.PolicyId != p.PolicyId)).Concat(user.Policies).ToList();
        return new RuleData(Dates, Entities, Hospitals.Data, Kcd.Data, Policies with { Policies = merged });
    }

    private static T Load<T>(string name)
    {
        var resource = $"VNexsus.Rules.{name}";
        using var stream = typeof(RuleData).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Missing embedded rule data {resource}");
        return JsonSerializer.Deserialize<T>(stream, Json) ?? throw new InvalidDataException($"Empty rule data {resource}");
    }
}
