using EcoDamage.Workflow.Runtime.Idempotency;

namespace EcoDamage.Workflow.Runtime.Tests.Idempotency;

public sealed class IdempotencyKeysTests
{
    [Fact]
    public void Scoped_SameKeyOfTwoCallers_TwoStoredKeys()
    {
        Assert.NotEqual(IdempotencyKeys.Scoped("court-system", "k1"), IdempotencyKeys.Scoped("finance-system", "k1"));
    }

    [Fact]
    public void Scoped_SeparatorInSubjectOrKey_StaysUnambiguous()
    {
        Assert.NotEqual(IdempotencyKeys.Scoped("a:b", "c"), IdempotencyKeys.Scoped("a", "b:c"));
        Assert.Equal(IdempotencyKeys.Scoped("a", "b"), IdempotencyKeys.Scoped("a", "b"));
    }
}
