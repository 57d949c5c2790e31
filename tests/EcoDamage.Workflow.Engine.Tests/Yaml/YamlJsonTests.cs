using EcoDamage.Workflow.Engine.Yaml;

namespace EcoDamage.Workflow.Engine.Tests.Yaml;

public sealed class YamlJsonTests
{
    [Fact]
    public void Convert_PlainScalars_TypedQuotedStayStrings()
    {
        const string yaml = """
            int: 42
            negative: -7
            real: 2.5
            yes: true
            no: False
            nothing: ~
            empty:
            quoted: "42"
            single: 'true'
            tagged: !!str 3
            version: 1.0.0
            date: 2025-05-01
            big: 123456789012345678901234567890
            inf: .inf
            text: |
              line
            """;

        var json = YamlJson.Convert(yaml)!.ToJsonString();

        Assert.Equal(
            """{"int":42,"negative":-7,"real":2.5,"yes":true,"no":false,"nothing":null,"empty":null,"quoted":"42","single":"true","tagged":"3","version":"1.0.0","date":"2025-05-01","big":123456789012345678901234567890,"inf":".inf","text":"line"}""",
            json);
    }

    [Fact]
    public void Convert_Aliases_Resolved()
    {
        const string yaml = """
            base: &roles [a, b]
            copy: *roles
            """;

        Assert.Equal("""{"base":["a","b"],"copy":["a","b"]}""", YamlJson.Convert(yaml)!.ToJsonString());
    }

    [Fact]
    public void Convert_EmptyText_Null()
    {
        Assert.Null(YamlJson.Convert(""));
    }
}
