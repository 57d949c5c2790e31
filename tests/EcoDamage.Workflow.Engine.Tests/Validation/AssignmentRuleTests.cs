using static EcoDamage.Workflow.Engine.Tests.Validation.DefinitionFixture;

namespace EcoDamage.Workflow.Engine.Tests.Validation;

/// <summary>Assignments are type-checked against their field; a constant for an enum field must be one of its values.</summary>
public sealed class AssignmentRuleTests
{
    [Fact]
    public void Load_ConstantNotAValueOfTheEnumField_ReportsEXPR006AtTheExpression()
    {
        var definition = With("Approve: { to: Done, guard: \"amount > 0\" }", "Approve: { to: Done, guard: \"amount > 0\", set: { kind: \"'c'\" } }");

        AssertProblems(
            Load(definition).Problems,
            ("EXPR006", 36, 63, "in ''c'': 'c' is not a value of enum field 'kind' (allowed: a, b)"));
    }

    [Fact]
    public void Load_ConstantThatIsAValueOfTheEnumField_Loads()
    {
        var definition = With("Approve: { to: Done, guard: \"amount > 0\" }", "Approve: { to: Done, guard: \"amount > 0\", set: { kind: \"'b'\" } }");

        Assert.True(Load(definition).Success);
    }
}
