using System.Globalization;

namespace EcoDamage.Workflow.Storage.Sql;

/// <summary>One SQL statement with <c>{0}</c>…<c>{n-1}</c> placeholders.</summary>
/// <param name="Sql">The text.</param>
/// <param name="Parameters">How many placeholders.</param>
internal sealed record Statement(string Sql, int Parameters)
{
    /// <summary>The text with the placeholders named <c>@p0</c>… from <paramref name="first"/> on.</summary>
    public string Named(int first)
    {
        var names = new object[Parameters];
        for (var n = 0; n < Parameters; n++)
        {
            names[n] = "@p" + (first + n).ToString(CultureInfo.InvariantCulture);
        }

        return string.Format(CultureInfo.InvariantCulture, Sql, names);
    }
}
