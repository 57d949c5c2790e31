using EcoDamage.Workflow.Engine.Definitions;

namespace EcoDamage.Workflow.Engine.Diffing;

/// <summary>
/// Compares two versions of a definition by meaning: elements are matched by id (a renamed state is one removed and
/// one added), lists of ids are sets, guards are compared in a canonical spelling, and the file's order, layout and
/// comments do not count. The version number itself is not reported.
/// </summary>
public static class DefinitionDiffer
{
    /// <summary>Every change from <paramref name="from"/> to <paramref name="to"/>.</summary>
    /// <param name="from">The older (or published) version.</param>
    /// <param name="to">The newer version (or a draft).</param>
    /// <returns>The changes; empty when both mean the same.</returns>
    /// <exception cref="ArgumentNullException">A version is null.</exception>
    public static DefinitionDiff Diff(WorkflowDefinition from, WorkflowDefinition to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        var changes = new List<DefinitionChange>();
        var root = ChangeScope.Root(changes);
        var definition = root.Into(string.Empty, new ChangeSubject(Nouns.Definition, to.Id, to.Title), ChangeElement.Definition);
        definition.Names(from.Title, to.Title);
        definition.Property("effective/from", Nouns.EffectiveFrom, ValueText.Date(from.Effective.From), ValueText.Date(to.Effective.From), ChangeElement.EffectivePeriod);
        definition.Property(
            "effective/to", Nouns.EffectiveTo, Date(from.Effective.To), Date(to.Effective.To), ChangeElement.EffectivePeriod);
        definition.Property("calendar", Nouns.Calendar, from.Calendar.Text, to.Calendar.Text, ChangeElement.Calendar);
        definition.Property("holidayRule", Nouns.HolidayRule, ValueText.Rule(from.HolidayRule), ValueText.Rule(to.HolidayRule), ChangeElement.HolidayRule);
        definition.Property("initial", Nouns.InitialState, from.Initial.Text, to.Initial.Text, ChangeElement.Initial);
        definition.Implements(from.Implements, to.Implements);

        DeclarationDiffer.Parameters(root, from.Parameters, to.Parameters);
        DeclarationDiffer.Fields(root, from.Fields, to.Fields);
        DeclarationDiffer.Documents(root, from.Documents, to.Documents);
        DeclarationDiffer.Collections(root, from.Collections, to.Collections);
        TriggerDiffer.Triggers(root, from.Triggers, to.Triggers);
        TriggerDiffer.Start(root, from.Start, to.Start);
        new StateDiffer(from, to).States(root);
        DeclarationDiffer.Listing(root, from.Listing, to.Listing);
        DeclarationDiffer.Intake(root, from.Intake, to.Intake);
        return DefinitionDiff.Of(from, to, changes);
    }

    private static string? Date(NodaTime.LocalDate? date) => date is { } d ? ValueText.Date(d) : null;
}
