using System.Globalization;
using EcoDamage.Workflow.Engine.Definitions;
using NodaTime.Text;

namespace EcoDamage.Workflow.Engine.Loading;

/// <summary>Parses data values from their text form (YAML scalars, scenario files, API strings).</summary>
internal static class DataValues
{
    public static bool TryParse(DataType type, string text, out object? value)
    {
        value = null;
        switch (type)
        {
            case DataType.Boolean when text is "true" or "false":
                value = text == "true";
                return true;
            case DataType.Integer when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l):
                value = l;
                return true;
            case DataType.Money or DataType.Decimal
                when decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d):
                value = d;
                return true;
            case DataType.Text or DataType.Enum:
                value = text;
                return true;
            case DataType.Date when LocalDatePattern.Iso.Parse(text) is { Success: true } parsed:
                value = parsed.Value;
                return true;
            default:
                return false;
        }
    }
}
