using EcoDamage.Workflow.Runtime.Catalog;
using EcoDamage.Workflow.Runtime.Ports;
using EcoDamage.Workflow.Storage.Entities;
using EcoDamage.Workflow.Storage.Sql;

namespace EcoDamage.Workflow.Storage.Catalog;

/// <summary>Maps the definition store's records to rows and back.</summary>
internal static class CatalogRows
{
    public static DefinitionVersionRow Row(PublishedDefinition d)
    {
        var numbers = d.Version.Split('.');
        return new DefinitionVersionRow
        {
            DefinitionId = d.DefinitionId,
            Version = d.Version,
            Major = int.Parse(numbers[0], System.Globalization.CultureInfo.InvariantCulture),
            Minor = int.Parse(numbers[1], System.Globalization.CultureInfo.InvariantCulture),
            Patch = int.Parse(numbers[2], System.Globalization.CultureInfo.InvariantCulture),
            Format = d.Format,
            Text = d.Text,
            ContentHash = d.ContentHash,
            EffectiveFrom = d.EffectiveFrom,
            EffectiveTo = d.EffectiveTo,
            PublishedBy = d.Published.By,
            PublishedRole = d.Published.Role,
            PublishedAt = Ticks.From(d.Published.At),
            Reason = d.Published.Reason,
            Origin = d.Origin,
        };
    }

    public static PublishedDefinition Record(DefinitionVersionRow r) =>
        new(r.DefinitionId, r.Version, r.Format, r.Text, r.ContentHash, r.EffectiveFrom, r.EffectiveTo,
            new Publication(r.PublishedBy, r.PublishedRole, Ticks.ToInstant(r.PublishedAt), r.Reason), r.Origin)
        {
            Withdrawn = r.WithdrawnAt is { } at ? new Publication(r.WithdrawnBy ?? string.Empty, r.WithdrawnRole ?? string.Empty, Ticks.ToInstant(at), r.WithdrawReason ?? string.Empty) : null,
        };

    public static CatalogDocumentRow Row(CatalogDocument d) => new()
    {
        Path = d.Path,
        Revision = d.Revision,
        Text = d.Text,
        ContentHash = d.ContentHash,
        PublishedBy = d.Published.By,
        PublishedRole = d.Published.Role,
        PublishedAt = Ticks.From(d.Published.At),
        Reason = d.Published.Reason,
        Origin = d.Origin,
    };

    public static CatalogDocument Record(CatalogDocumentRow r) =>
        new(r.Path, r.Revision, r.Text, r.ContentHash, new Publication(r.PublishedBy, r.PublishedRole, Ticks.ToInstant(r.PublishedAt), r.Reason), r.Origin);

    public static DefinitionDraftRow Row(DefinitionDraft d) => new()
    {
        Id = d.Id,
        Kind = d.Kind == DraftKind.Document ? "document" : "definition",
        Path = d.Path,
        BasedOn = d.BasedOn,
        Format = d.Format,
        Text = d.Text,
        Revision = d.Revision,
        CreatedBy = d.CreatedBy,
        CreatedAt = Ticks.From(d.CreatedAt),
        UpdatedBy = d.UpdatedBy,
        UpdatedAt = Ticks.From(d.UpdatedAt),
    };

    public static DefinitionDraft Record(DefinitionDraftRow r) =>
        new(r.Id, r.Kind == "document" ? DraftKind.Document : DraftKind.Definition, r.Path, r.BasedOn, r.Format, r.Text, r.Revision,
            r.CreatedBy, Ticks.ToInstant(r.CreatedAt), r.UpdatedBy, Ticks.ToInstant(r.UpdatedAt));

    public static OutboxRow Row(OutboxMessage m) => new()
    {
        Id = m.Id,
        CaseId = m.CaseId,
        Type = m.Type,
        Name = m.Name,
        Payload = m.Payload,
        OccurredAt = Ticks.From(m.OccurredAt),
    };
}
