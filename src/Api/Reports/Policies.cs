using VNexsus.Rules;

namespace VNexsus.Api.Reports;

/// <summary>
/// <c>GET /api/policies</c>: the disclosure window policies shipped in <c>policies.json</c> (domain.md §8.2) and the
/// default, so clients (the web app's policy lists) offer exactly the policies the rules know.
/// </summary>
public static class Policies
{
    public static bool Exists(string policyId) => RuleData.Default.Policies.Policies.Any(p => p.PolicyId == policyId);

    public static IEndpointRouteBuilder MapPolicyEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/policies", () =>
        {
            var data = RuleData.Default.Policies;
            return Results.Json(new
            {
                defaultPolicyId = data.DefaultPolicyId,
                policies = data.Policies.Select(p => new
                {
                    policyId = p.PolicyId,
                    label = p.Label,
                    boundary = p.Boundary,
                    windows = p.Windows.Select(w => new { name = w.Name, unit = w.Unit, amount = w.Amount }),
                    questions = p.Questions.Select(q => new { id = q.Id, window = q.Window, label = q.Label }),
                }),
            });
        });
        return routes;
    }
}
