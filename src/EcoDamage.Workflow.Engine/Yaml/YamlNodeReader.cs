using EcoDamage.Workflow.Engine.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace EcoDamage.Workflow.Engine.Yaml;

/// <summary>Reads one YAML or JSON document into <see cref="YNode"/>s with positions.</summary>
internal static class YamlNodeReader
{
    private const int MaxDepth = 64;

    /// <summary>Parses <paramref name="text"/>; on a syntax error adds a <c>WF001</c> problem and returns null.</summary>
    public static YNode? Read(string text, string file, ProblemList problems)
    {
        var parser = new Parser(new StringReader(text));
        var anchors = new Dictionary<string, YNode>(StringComparer.Ordinal);
        try
        {
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _))
            {
                problems.Error("WF001", "the file is empty", new SourcePosition(file, 1, 1));
                return null;
            }

            parser.Consume<DocumentStart>();
            var root = ReadNode(parser, file, anchors, 0);
            parser.Consume<DocumentEnd>();
            if (!parser.Accept<StreamEnd>(out _))
            {
                var next = parser.Current!;
                problems.Error("WF001", "only one document per file is allowed", At(file, next.Start));
                return null;
            }

            return root;
        }
        catch (YamlException ex)
        {
            problems.Error("WF001", $"YAML syntax: {Clean(ex.Message)}", At(file, ex.Start));
            return null;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet throws these instead of YamlException on some malformed input.
            problems.Error("WF001", $"YAML syntax: {ex.Message}", At(file, parser.Current?.Start ?? Mark.Empty));
            return null;
        }
        catch (DepthException ex)
        {
            problems.Error("WF001", ex.Message, ex.Position);
            return null;
        }
    }

    private static YNode ReadNode(IParser parser, string file, Dictionary<string, YNode> anchors, int depth)
    {
        var at = At(file, parser.Current!.Start);
        if (depth > MaxDepth)
        {
            throw new DepthException($"nesting deeper than {MaxDepth} levels", at);
        }

        YNode node;
        string? anchor;
        if (parser.TryConsume<Scalar>(out var scalar))
        {
            anchor = scalar.Anchor.IsEmpty ? null : scalar.Anchor.Value;
            var quoted = scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted;
            node = new YScalar(at, scalar.Value, quoted)
            {
                IsVerbatim = scalar.Start.Line == scalar.End.Line
                    && scalar.End.Column - scalar.Start.Column == scalar.Value.Length + (quoted ? 2 : 0),
            };
        }
        else if (parser.TryConsume<SequenceStart>(out var seqStart))
        {
            anchor = seqStart.Anchor.IsEmpty ? null : seqStart.Anchor.Value;
            var items = new List<YNode>();
            while (!parser.TryConsume<SequenceEnd>(out _))
            {
                items.Add(ReadNode(parser, file, anchors, depth + 1));
            }

            node = new YSequence(at, items);
        }
        else if (parser.TryConsume<MappingStart>(out var mapStart))
        {
            anchor = mapStart.Anchor.IsEmpty ? null : mapStart.Anchor.Value;
            var entries = new List<YEntry>();
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                var keyNode = ReadNode(parser, file, anchors, depth + 1);
                var key = keyNode as YScalar
                    ?? throw new YamlException(parser.Current!.Start, parser.Current.End, "mapping keys must be plain text");
                entries.Add(new YEntry(key, ReadNode(parser, file, anchors, depth + 1)));
            }

            node = new YMapping(at, entries);
        }
        else if (parser.TryConsume<AnchorAlias>(out var alias))
        {
            return anchors.TryGetValue(alias.Value.Value, out var target)
                ? target
                : throw new YamlException(alias.Start, alias.End, $"unknown alias '*{alias.Value.Value}'");
        }
        else
        {
            var current = parser.Current!;
            throw new YamlException(current.Start, current.End, $"unexpected {current.GetType().Name}");
        }

        if (anchor is not null)
        {
            anchors[anchor] = node;
        }

        return node;
    }

    private static SourcePosition At(string file, Mark mark) => new(file, (int)mark.Line, (int)mark.Column);

    private static string Clean(string message)
    {
        // YamlDotNet prefixes messages with "(Line: 3, Col: 5, Idx: ...) - (...): "; the position is reported separately.
        var cut = message.IndexOf("): ", StringComparison.Ordinal);
        return cut >= 0 && message.StartsWith('(') ? message[(cut + 3)..] : message;
    }

    private sealed class DepthException(string message, SourcePosition position) : Exception(message)
    {
        public SourcePosition Position { get; } = position;
    }
}
