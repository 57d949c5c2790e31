using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Engine.Migration;
using EcoDamage.Workflow.Server.Apis;

namespace EcoDamage.Workflow.Server.Migrations;

/// <summary>Turns a posted <see cref="MigrationPlanBody"/> into a <see cref="MigrationPlan"/>, or lists every field that is wrong.</summary>
internal static class MigrationPlanReader
{
    /// <summary>Reads <paramref name="body"/>.</summary>
    /// <param name="body">The posted plan (null: no body).</param>
    /// <param name="errors">Field → messages, for a 400 (empty when the plan was read).</param>
    /// <returns>The plan, or null when <paramref name="errors"/> is not empty.</returns>
    public static MigrationPlan? Read(MigrationPlanBody? body, out Dictionary<string, string[]> errors)
    {
        errors = [];
        if (body is null)
        {
            errors["body"] = ["a migration plan is required: definitionId, from, to, stateMap, deadlines"];
            return null;
        }

        if (string.IsNullOrWhiteSpace(body.DefinitionId))
        {
            errors["definitionId"] = ["required"];
        }

        var from = Version(body.From, "from", errors);
        var to = Version(body.To, "to", errors);
        var policy = body.Deadlines is null ? DeadlinePolicy.Recompute : Policy(body.Deadlines, "deadlines", errors);
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (oldState, newState) in body.StateMap ?? [])
        {
            if (string.IsNullOrWhiteSpace(newState))
            {
                errors[$"stateMap.{oldState}"] = ["the new state is required"];
            }
            else
            {
                map[oldState] = newState;
            }
        }

        var overrides = new Dictionary<string, DeadlinePolicy>(StringComparer.Ordinal);
        foreach (var (deadline, text) in body.DeadlineOverrides ?? [])
        {
            overrides[deadline] = Policy(text, $"deadlineOverrides.{deadline}", errors);
        }

        return errors.Count > 0 ? null : new MigrationPlan(body.DefinitionId!, from, to, map, policy) { DeadlineOverrides = overrides };
    }

    private static SemanticVersion Version(string? text, string field, Dictionary<string, string[]> errors)
    {
        if (SemanticVersion.TryParse(text, out var version))
        {
            return version;
        }

        errors[field] = [text is null ? "required" : $"'{text}' is not a major.minor.patch version"];
        return default;
    }

    private static DeadlinePolicy Policy(string? text, string field, Dictionary<string, string[]> errors)
    {
        switch (text)
        {
            case "keep":
                return DeadlinePolicy.Keep;
            case "recompute":
                return DeadlinePolicy.Recompute;
            case "close":
                return DeadlinePolicy.Close;
            default:
                errors[field] = [$"'{text}' is not a deadline policy; use keep, recompute or close"];
                return DeadlinePolicy.Keep;
        }
    }
}
