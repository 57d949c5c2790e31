using CsCheck;
using EcoDamage.Workflow.Engine.Calendars;

namespace EcoDamage.Workflow.Engine.Tests.Calendars;

public class HolidayCalendarLoaderFileTests
{
    [Fact]
    public void LoadFile_ShippedCalendar_LoadsWithoutProblems()
    {
        var result = HolidayCalendarLoader.LoadFile(ShippedCalendar.Path);

        Assert.Empty(result.Problems);
        Assert.True(result.Succeeded);
        Assert.Equal([2023, 2024, 2025, 2026], result.Calendar.PublishedYears);
    }

    [Fact]
    public void LoadFile_MissingFile_ReportsWholeFileCal001()
    {
        var path = Path.Combine(Path.GetTempPath(), "no-such-dir-ecodamage", "missing.yaml");

        var result = HolidayCalendarLoader.LoadFile(path);

        var problem = Assert.Single(result.Problems);
        Assert.Equal((path, 0, 0, "CAL001"), (problem.Position.File, problem.Position.Line, problem.Position.Column, problem.RuleId));
        Assert.Contains("cannot be read", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadText_RandomlyCorruptedShippedFile_NeverThrowsAndAlwaysExplainsFailure()
    {
        var text = File.ReadAllText(ShippedCalendar.Path);
        const string Noise = ":-[]{},#&*!|>'\"%@`? \n\t0a";
        var edit = Gen.Select(Gen.Int[0, text.Length - 1], Gen.Int[0, 2], Gen.Int[0, Noise.Length - 1]);
        edit.Array[1, 6].Sample(edits =>
        {
            var chars = new List<char>(text);
            foreach (var (position, kind, noise) in edits)
            {
                var at = Math.Min(position, chars.Count - 1);
                if (kind == 0)
                {
                    chars.RemoveAt(at);
                }
                else if (kind == 1)
                {
                    chars.Insert(at, Noise[noise]);
                }
                else
                {
                    chars[at] = Noise[noise];
                }
            }

            var result = HolidayCalendarLoader.LoadText(new string([.. chars]), "fuzz.yaml");

            Assert.Equal(result.Succeeded, result.Problems.Count == 0);
            Assert.All(result.Problems, p => Assert.Matches("^CAL00[1-6]$", p.RuleId));
        }, iter: 3000);
    }
}
