using System.Text;
using System.Text.Json;

namespace EcoDamage.Workflow.Server.Hosting;

/// <summary>
/// Reads a JSON body once, before any endpoint binds it, and names the first thing refused before the malformed part
/// (which the endpoint itself answers with 400): nesting deeper than <see cref="MaxDepth"/>, a property name given twice in one object, or a string (name or value) holding
/// NUL or a lone surrogate (<see cref="InboundText"/>). The JSON path of the offending value is the problem's field.
/// </summary>
internal static class JsonBodyCheck
{
    /// <summary>The deepest nesting of objects and arrays accepted.</summary>
    public const int MaxDepth = 32;

    /// <summary>The first problem of <paramref name="body"/> as (field, message), or null when it may be bound.</summary>
    public static (string Field, string Message)? Find(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = MaxDepth, CommentHandling = JsonCommentHandling.Disallow });
        var frames = new Stack<Frame>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                        Advance(frames);
                        frames.Push(new Frame(reader.TokenType == JsonTokenType.StartObject));
                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        frames.Pop();
                        break;
                    case JsonTokenType.PropertyName:
                        var name = Text(ref reader, out var nameProblem);
                        var frame = frames.Peek();
                        frame.Property = nameProblem is null ? name : "?";
                        if (nameProblem is not null)
                        {
                            return (PathOf(frames), $"the property name {nameProblem}");
                        }

                        if (!frame.Names!.Add(name!))
                        {
                            return (PathOf(frames), "the property is given twice in one object");
                        }

                        break;
                    case JsonTokenType.String:
                        Advance(frames);
                        _ = Text(ref reader, out var valueProblem);
                        if (valueProblem is not null)
                        {
                            return (PathOf(frames), valueProblem);
                        }

                        break;
                    default:
                        Advance(frames);
                        break;
                }
            }
        }
        catch (JsonException) when (reader.CurrentDepth >= MaxDepth - 1)
        {
            return (PathOf(frames), $"the JSON is nested deeper than {MaxDepth} levels");
        }
        catch (JsonException)
        {
            // Malformed JSON is left to the endpoint, which names the member it was reading (400 either way).
            return null;
        }

        return null;
    }

    private static string? Text(ref Utf8JsonReader reader, out string? problem)
    {
        string text;
        try
        {
            text = reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            // GetString refuses invalid UTF-8 and escaped lone surrogates such as "\ud800".
            problem = "must be valid UTF-8 without lone surrogates";
            return null;
        }

        problem = InboundText.Problem(text);
        return text;
    }

    private static void Advance(Stack<Frame> frames)
    {
        if (frames.TryPeek(out var frame) && !frame.IsObject)
        {
            frame.Index++;
        }
    }

    private static string PathOf(Stack<Frame> frames)
    {
        var path = new StringBuilder("$");
        foreach (var frame in frames.Reverse())
        {
            if (frame.IsObject)
            {
                if (frame.Property is not null)
                {
                    path.Append('.').Append(frame.Property);
                }
            }
            else if (frame.Index >= 0)
            {
                path.Append('[').Append(frame.Index).Append(']');
            }
        }

        return path.ToString();
    }

    private sealed class Frame(bool isObject)
    {
        public bool IsObject { get; } = isObject;

        public HashSet<string>? Names { get; } = isObject ? new(StringComparer.Ordinal) : null;

        public string? Property { get; set; }

        public int Index { get; set; } = -1;
    }
}
