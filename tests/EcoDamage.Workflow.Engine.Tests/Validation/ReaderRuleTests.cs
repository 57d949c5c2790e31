using static EcoDamage.Workflow.Engine.Tests.Validation.DefinitionFixture;

namespace EcoDamage.Workflow.Engine.Tests.Validation;

/// <summary>Shape rules reported while reading: WF001–WF004, WF010.</summary>
public sealed class ReaderRuleTests
{
    [Fact]
    public void Load_MinimalBase_LoadsWithoutProblems()
    {
        var result = Load(Base);

        Assert.True(result.Success);
        AssertProblems(result.Problems);
    }

    [Fact]
    public void Load_UnclosedFlowSequence_ReportsWF001AtTheBrokenToken()
    {
        var result = Load(With("  Approve: { zh: 批准, en: Approve, roles: [clerk] }", "  Approve: { zh: 批准, en: Approve, roles: [clerk }"));

        Assert.False(result.Success);
        AssertProblems(result.Problems, ("WF001", 15, 49, "YAML syntax: While parsing a flow sequence, did not find expected ',' or ']'."));
    }

    [Fact]
    public void Load_EmptyFile_ReportsWF001FileIsEmpty()
    {
        AssertProblems(Load("").Problems, ("WF001", 1, 1, "the file is empty"));
    }

    [Fact]
    public void Load_TwoDocuments_ReportsWF001OneDocumentPerFile()
    {
        AssertProblems(Load(Base + "\n---\nid: other\n").Problems, ("WF001", 42, 1, "only one document per file is allowed"));
    }

    [Fact]
    public void Load_MissingTopLevelKey_ReportsWF002AtTheStartOfTheDefinition()
    {
        AssertProblems(
            Load(With("calendar: cn-mainland\n", "")).Problems,
            ("WF002", 1, 1, "the definition is missing required key 'calendar'"));
    }

    [Fact]
    public void Load_StateWithoutEnglishName_ReportsWF002AtTheStateMapping()
    {
        AssertProblems(
            Load(With("    en: Done\n", "")).Problems,
            ("WF002", 39, 5, "state 'Done' is missing required key 'en'"));
    }

    [Fact]
    public void Load_TriggerWithoutRoles_ReportsWF002AtTheTriggerId()
    {
        AssertProblems(
            Load(With("Approve: { zh: 批准, en: Approve, roles: [clerk] }", "Approve: { zh: 批准, en: Approve }")).Problems,
            ("WF002", 15, 3, "trigger 'Approve' must name at least one role in 'roles'"));
    }

    [Fact]
    public void Load_MisspelledKey_ReportsWF003WithSuggestion()
    {
        AssertProblems(
            Load(With("    owner: clerk\n    on:\n      Submit", "    ownr: clerk\n    on:\n      Submit")).Problems,
            ("WF003", 22, 5, "unknown key 'ownr' in state 'Draft' (did you mean 'owner'?)"));
    }

    [Fact]
    public void Load_UnrelatedUnknownKey_ReportsWF003WithoutSuggestion()
    {
        AssertProblems(
            Load(With("calendar: cn-mainland\n", "calendar: cn-mainland\ncolour: green\n")).Problems,
            ("WF003", 7, 1, "unknown key 'colour' in the definition"));
    }

    [Fact]
    public void Load_VersionNotSemantic_ReportsWF004AtTheVersion()
    {
        AssertProblems(
            Load(With("version: 1.0.0", "version: '1.0'")).Problems,
            ("WF004", 2, 10, "version '1.0' is not a semantic version such as 1.0.0"));
    }

    [Fact]
    public void Load_ImpossibleDate_ReportsWF004AtTheDate()
    {
        AssertProblems(
            Load(With("from: 2024-01-01", "from: 2024-13-01")).Problems,
            ("WF004", 5, 20, "'2024-13-01' is not a date in the form yyyy-MM-dd"));
    }

    [Fact]
    public void Load_EffectiveEndsBeforeItStarts_ReportsWF004AtTheEffectivePeriod()
    {
        AssertProblems(
            Load(With("{ from: 2024-01-01 }", "{ from: 2024-01-01, to: 2023-12-31 }")).Problems,
            ("WF004", 5, 12, "effective period ends (2023-12-31) before it starts (2024-01-01)"));
    }

    [Fact]
    public void Load_UnknownType_ReportsWF004AtTheTypeFirst()
    {
        var problems = Load(With("amount: { type: money", "amount: { type: currency")).Problems;

        // The field is dropped, so its uses are reported as unknown too (a known cascade).
        AssertProblems(
            problems.Take(1).ToList(),
            ("WF004", 8, 19, "type 'currency' must be one of boolean, integer, money, decimal, text, enum, date"));
        Assert.Single(problems, p => p.RuleId == "WF004");
    }

    [Fact]
    public void Load_ValuesOnNonEnumField_ReportsWF004WithLowercaseType()
    {
        AssertProblems(
            Load(With("amount: { type: money,", "amount: { type: money, values: [x],")).Problems,
            ("WF004", 8, 3, "'values' is only allowed on enum fields ('amount' is money)"));
    }

    [Fact]
    public void Load_TerminalNotBoolean_ReportsWF004AndTheResultingDeadEnd()
    {
        AssertProblems(
            Load(With("terminal: true", "terminal: yes")).Problems,
            ("WF004", 41, 15, "'terminal' of state 'Done' must be true or false"),
            ("WF022", 19, 3, "no terminal state can be reached from state 'Draft'"),
            ("WF022", 25, 3, "no terminal state can be reached from state 'Review'"),
            ("WF021", 38, 3, "state 'Done' is not terminal but has no transition out"));
    }

    [Fact]
    public void Load_InvalidStateId_ReportsWF004AtTheId()
    {
        var text = With("  Done:\n", "  Done-1:\n").Replace("Approve: { to: Done,", "Approve: { to: Done-1,").Replace("Expire: Done", "Expire: Done-1");

        AssertProblems(
            Load(text).Problems,
            ("WF004", 38, 3, "'Done-1' in states is not a valid id (letters, digits and _ , starting with a letter)"));
    }

    [Fact]
    public void Load_DuplicateTriggerId_ReportsWF010AtTheSecondDeclaration()
    {
        AssertProblems(
            Load(With("  Expire: {", "  Approve: { zh: 再批, en: Again, roles: [clerk] }\n  Expire: {")).Problems,
            ("WF010", 16, 3, "duplicate id 'Approve' in triggers"));
    }

    [Fact]
    public void Load_DuplicateKey_ReportsWF010AtTheSecondKey()
    {
        AssertProblems(
            Load(With("en: Minimal\n", "en: Minimal\nen: Again\n")).Problems,
            ("WF010", 5, 1, "duplicate key 'en' in the definition"));
    }

    [Fact]
    public void Load_DuplicateEnumValue_ReportsWF010()
    {
        AssertProblems(
            Load(With("values: [a, b]", "values: [a, b, a]")).Problems,
            ("WF010", 10, 56, "duplicate value 'a' in 'kind'"));
    }

    [Fact]
    public void Load_SubStateIdRepeatingATopLevelId_ReportsWF010()
    {
        var text = With(
            "    owner: clerk\n    deadlines:",
            "    owner: clerk\n    initial: Draft\n    states:\n      Draft: { zh: 重, en: Again }\n    deadlines:");

        AssertProblems(
            Load(text).Problems,
            ("WF010", 31, 7, "state id 'Draft' is declared more than once"),
            ("WF025", 29, 14, "initial 'Draft' of state 'Review' is not one of its sub-states"));
    }
}
