namespace EcoDamage.Workflow.Server.Tests.Administration;

/// <summary>Edits of the shipped consultation definition (workflows/consultation.workflow.yaml, 2.0.0).</summary>
public static class ConsultationEdits
{
    /// <summary>Version 2.1.0 from 2026-03-02 with the consultation period (N3) extended from 90 to 120 days.</summary>
    public static string ExtendPeriod(string text)
    {
        Assert.Contains("period: 90d", text);
        return ClaimEdits.Renumber(text, "2.1.0", "2026-03-02").Replace("period: 90d", "period: 120d", StringComparison.Ordinal);
    }
}
