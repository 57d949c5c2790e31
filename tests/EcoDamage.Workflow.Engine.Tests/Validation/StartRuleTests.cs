using static EcoDamage.Workflow.Engine.Tests.Validation.DefinitionFixture;

namespace EcoDamage.Workflow.Engine.Tests.Validation;

/// <summary>The <c>start:</c> section: its roles, inputs and requirements are checked like a trigger's.</summary>
public sealed class StartRuleTests
{
    [Fact]
    public void Load_StartWithUnknownRoleFieldAndADocumentRequirement_ReportsEach()
    {
        var definition = With("initial: Draft\n", """
            start:
              roles: [clark]
              inputs: [amount, amout]
              requires: { documents: [letter] }
            initial: Draft

            """);

        AssertProblems(
            Load(definition).Problems,
            ("WF015", 18, 11, "unknown role 'clark' (did you mean 'clerk'?)"),
            ("WF013", 19, 20, "unknown field 'amout' (did you mean 'amount'?)"),
            ("WF004", 20, 27, "'start' cannot require document 'letter': a new case has no documents"));
    }

    [Fact]
    public void Load_StartWithKnownRoleAndFields_Loads()
    {
        var definition = With("initial: Draft\n", """
            start:
              roles: [clerk]
              inputs: [amount, kind]
              requires: { data: [kind] }
            initial: Draft

            """);

        Assert.True(Load(definition).Success);
    }
}
