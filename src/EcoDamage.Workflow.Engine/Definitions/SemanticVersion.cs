using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace EcoDamage.Workflow.Engine.Definitions;

/// <summary>A <c>major.minor.patch</c> version; definitions are ordered by it.</summary>
/// <param name="Major">Major.</param>
/// <param name="Minor">Minor.</param>
/// <param name="Patch">Patch.</param>
public readonly record struct SemanticVersion(int Major, int Minor, int Patch) : IComparable<SemanticVersion>
{
    /// <summary>Parses <c>1.2.3</c>; false for anything else.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out SemanticVersion version)
    {
        version = default;
        var parts = text?.Split('.');
        if (parts is not { Length: 3 })
        {
            return false;
        }

        Span<int> n = stackalloc int[3];
        for (var i = 0; i < 3; i++)
        {
            if (parts[i].Length == 0 || parts[i].Length > 6 || !parts[i].All(char.IsAsciiDigit)
                || (parts[i].Length > 1 && parts[i][0] == '0'))
            {
                return false;
            }

            n[i] = int.Parse(parts[i], CultureInfo.InvariantCulture);
        }

        version = new SemanticVersion(n[0], n[1], n[2]);
        return true;
    }

    /// <inheritdoc/>
    public int CompareTo(SemanticVersion other) =>
        Major != other.Major ? Major.CompareTo(other.Major)
        : Minor != other.Minor ? Minor.CompareTo(other.Minor)
        : Patch.CompareTo(other.Patch);

    /// <summary>Compares two versions.</summary>
    public static bool operator <(SemanticVersion left, SemanticVersion right) => left.CompareTo(right) < 0;

    /// <summary>Compares two versions.</summary>
    public static bool operator >(SemanticVersion left, SemanticVersion right) => left.CompareTo(right) > 0;

    /// <summary>Compares two versions.</summary>
    public static bool operator <=(SemanticVersion left, SemanticVersion right) => left.CompareTo(right) <= 0;

    /// <summary>Compares two versions.</summary>
    public static bool operator >=(SemanticVersion left, SemanticVersion right) => left.CompareTo(right) >= 0;

    /// <summary>Returns <c>major.minor.patch</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}.{Patch}");
}
