using System.Text.Json;
using System.Text.Json.Serialization;
using EcoDamage.Workflow.Runtime.Access;

namespace EcoDamage.Workflow.Storage.Messaging;

/// <summary>
/// A subscription owner's <see cref="AccessScope"/> as the <c>Scope</c> column holds it: JSON with <c>none</c>,
/// <c>jurisdictions</c>, <c>department</c> and <c>party</c> (absent members: no restriction; <c>{}</c> is everything).
/// A null column (a row stored before scopes were recorded) reads as <see cref="AccessScope.Nothing"/> for routing.
/// </summary>
internal static class StoredScope
{
    public static string? Write(AccessScope? scope) => scope is null
        ? null
        : JsonSerializer.Serialize(new Shape(scope.None ? true : null, scope.Jurisdictions?.Order(StringComparer.Ordinal).ToArray(), scope.Department, scope.Party), Options);

    public static AccessScope? Read(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var shape = JsonSerializer.Deserialize<Shape>(text, Options);
        if (shape is null || shape.None == true)
        {
            return AccessScope.Nothing;
        }

        return new AccessScope
        {
            Jurisdictions = shape.Jurisdictions is { } j ? new HashSet<string>(j, StringComparer.Ordinal) : null,
            Department = shape.Department,
            Party = shape.Party,
        };
    }

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private sealed record Shape(bool? None, string[]? Jurisdictions, string? Department, string? Party);
}
