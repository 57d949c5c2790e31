using EcoDamage.Workflow.Engine.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace EcoDamage.Workflow.Engine.Yaml;

/// <summary>
/// The one YAML reading stack of the engine: reads one YAML or JSON document into <see cref="YNode"/>s with
/// positions, keeping repeated mapping keys for the readers to report. Definitions, roles, tables, scenarios,
/// calendars and reference data all read through it; a <see cref="YamlDialect"/> names their rule ids.
/// </summary>
internal static class YamlNodeReader
{
    private const int MaxDepth = 64;

    /// <summary>Parses <paramref name="text"/> as a definition-like file (syntax errors are <c>WF001</c>).</summary>
    public static YNode? Read(string text, string file, ProblemList problems) =>
        Read(text, file, problems, YamlDialect.Definitions);

    /// <summary>Parses <paramref name="text"/>; on a syntax error adds a problem of <paramref name="dialect"/> and returns null.</summary>
    public static YNode? Read(string text, string file, ProblemList problems, YamlDialect dialect)
    {
        var parser = new Parser(new StringReader(text));
        var anchors = new Dictionary<string, YNode>(StringComparer.Ordinal);
        try
        {
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _))
            {
                problems.Error(dialect.EmptyRuleId, dialect.Empty, new SourcePosition(file, 1, 1));
                return null;
            }

            parser.Consume<DocumentStart>();
            var root = ReadNode(parser, file, anchors, dialect, 0);
            parser.Consume<DocumentEnd>();
            if (!parser.Accept<StreamEnd>(out _))
            {
                problems.Error(dialect.SyntaxRuleId, dialect.SecondDocument, At(file, parser.Current!.Start));
                return dialect.KeepFirstDocument ? root : null;
            }

            return root;
        }
        catch (YamlException ex)
        {
            problems.Error(dialect.SyntaxRuleId, dialect.Syntax(ex.Message), At(file, ex.Start));
            return null;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet throws these instead of YamlException on some malformed input (found by fuzzing).
            problems.Error(dialect.SyntaxRuleId, dialect.Malformed(ex.Message), At(file, parser.Current?.Start ?? Mark.Empty));
            return null;
        }
        catch (RefusedException ex)
        {
            problems.Error(dialect.SyntaxRuleId, ex.Message, ex.Position);
            return null;
        }
    }

    private static YNode ReadNode(IParser parser, string file, Dictionary<string, YNode> anchors, YamlDialect dialect, int depth)
    {
        var at = At(file, parser.Current!.Start);
        if (depth > MaxDepth)
        {
            throw new RefusedException($"nesting deeper than {MaxDepth} levels", at);
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
                IsPlain = scalar.Style is ScalarStyle.Plain or ScalarStyle.Any,
                Tag = scalar.Tag.IsEmpty || scalar.Tag.IsNonSpecific ? null : scalar.Tag.Value,
            };
        }
        else if (parser.TryConsume<SequenceStart>(out var seqStart))
        {
            anchor = seqStart.Anchor.IsEmpty ? null : seqStart.Anchor.Value;
            var items = new List<YNode>();
            while (!parser.TryConsume<SequenceEnd>(out _))
            {
                items.Add(ReadNode(parser, file, anchors, dialect, depth + 1));
            }

            node = new YSequence(at, items);
        }
        else if (parser.TryConsume<MappingStart>(out var mapStart))
        {
            anchor = mapStart.Anchor.IsEmpty ? null : mapStart.Anchor.Value;
            var entries = new List<YEntry>();
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                var keyNode = ReadNode(parser, file, anchors, dialect, depth + 1);
                var key = keyNode as YScalar
                    ?? throw new YamlException(parser.Current!.Start, parser.Current.End, "mapping keys must be plain text");
                entries.Add(new YEntry(key, ReadNode(parser, file, anchors, dialect, depth + 1)));
            }

            node = new YMapping(at, entries);
        }
        else if (parser.TryConsume<AnchorAlias>(out var alias))
        {
            if (dialect.RefusedAlias is { } refused)
            {
                throw new RefusedException(refused(alias.Value.Value), At(file, alias.Start));
            }

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

    /// <summary>Input the reader refuses (too deep, an alias where the dialect allows none), reported as given.</summary>
    private sealed class RefusedException(string message, SourcePosition position) : Exception(message)
    {
        public SourcePosition Position { get; } = position;
    }
}
