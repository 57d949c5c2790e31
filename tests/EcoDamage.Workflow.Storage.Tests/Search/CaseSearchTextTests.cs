using EcoDamage.Workflow.Storage.Search;

namespace EcoDamage.Workflow.Storage.Tests.Search;

public sealed class CaseSearchTextTests
{
    [Fact]
    public void Bigrams_ChineseText_EveryNeighbourPairOnceAndNoneAcrossWhiteSpace()
    {
        Assert.Equal(["偷排", "排废", "废水"], CaseSearchText.Bigrams("偷排废水"));
        Assert.Equal(["废水"], CaseSearchText.Bigrams("废水 废水\n水"));
        Assert.Empty(CaseSearchText.Bigrams("废"));
    }

    [Fact]
    public void Grams_EveryTwoCharacterSubstringOfTheText_IsAGramOfIt()
    {
        const string text = "群众举报某印染厂夜间偷排废水";
        var grams = CaseSearchText.Grams(text).Split(' ');

        for (var i = 0; i + 4 <= text.Length; i++)
        {
            Assert.All(CaseSearchText.Bigrams(text.Substring(i, 4)), g => Assert.Contains(g, grams));
        }
    }

    [Fact]
    public void Fts5Match_QuotesEachGram_LeavesOutGramsTheTokenizerDrops()
    {
        Assert.Equal("\"废水\" \"a\"\"\"", CaseSearchText.Fts5Match(["废水", "a\"", "%%"]));
        Assert.Null(CaseSearchText.Fts5Match(["%%", ",,"]));
    }
}
