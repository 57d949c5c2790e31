namespace EcoDamage.Workflow.Server.Apis;

/// <summary>Creates a draft: from a published version or document (<see cref="BasedOn"/>), or from text.</summary>
/// <param name="BasedOn"><c>claim@2.0.0</c> to start from a published definition version, or a document path (<c>calendars/cn-mainland.yaml</c>) to start from its revision in force.</param>
/// <param name="Path">For a new document from text: the path it will be published at.</param>
/// <param name="Text">The text, when not based on anything (YAML or JSON).</param>
/// <param name="Format"><c>yaml</c> (default) or <c>json</c>, for <see cref="Text"/>.</param>
internal sealed record CreateDraftRequest(string? BasedOn, string? Path, string? Text, string? Format);

/// <summary>One problem of a draft, with the file it lies in (a document draft can break a definition elsewhere).</summary>
/// <param name="Rule">Rule id.</param>
/// <param name="Severity"><c>error</c> or <c>warning</c>.</param>
/// <param name="Message">What is wrong.</param>
/// <param name="File">The draft (<c>draft:{id}</c>) or the catalog file the problem lies in.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
internal sealed record DraftProblem(string Rule, string Severity, string Message, string File, int Line, int Column);

/// <summary>A draft with its text and its validation against the catalog in force.</summary>
/// <param name="Id">Draft id.</param>
/// <param name="Kind"><c>definition</c> or <c>document</c>.</param>
/// <param name="Path">The document's path (documents only).</param>
/// <param name="Definition">The <c>id@version</c> the text declares (definitions whose text could be read).</param>
/// <param name="BasedOn">What it was started from.</param>
/// <param name="Format"><c>yaml</c> or <c>json</c>.</param>
/// <param name="Text">The text.</param>
/// <param name="Revision">The revision (also the ETag).</param>
/// <param name="CreatedBy">Who created it.</param>
/// <param name="CreatedAt">When.</param>
/// <param name="UpdatedBy">Who saved it last.</param>
/// <param name="UpdatedAt">When.</param>
/// <param name="Valid">True when it has no error (it could be published).</param>
/// <param name="Problems">Every problem.</param>
internal sealed record DraftView(
    string Id, string Kind, string? Path, string? Definition, string? BasedOn, string Format, string Text, int Revision,
    string CreatedBy, DateTimeOffset CreatedAt, string UpdatedBy, DateTimeOffset UpdatedAt, bool Valid, IReadOnlyList<DraftProblem> Problems);

/// <summary>A draft in the list (no text).</summary>
/// <param name="Id">Draft id.</param>
/// <param name="Kind"><c>definition</c> or <c>document</c>.</param>
/// <param name="Path">The document's path (documents only).</param>
/// <param name="BasedOn">What it was started from.</param>
/// <param name="Revision">The revision.</param>
/// <param name="UpdatedBy">Who saved it last.</param>
/// <param name="UpdatedAt">When.</param>
internal sealed record DraftSummary(string Id, string Kind, string? Path, string? BasedOn, int Revision, string UpdatedBy, DateTimeOffset UpdatedAt);

/// <summary>Why a publication or withdrawal is made (required, recorded in the administration trail).</summary>
/// <param name="Reason">The reason, e.g. the regulation that changed.</param>
internal sealed record ReasonRequest(string? Reason);

/// <summary>What a publication wrote.</summary>
/// <param name="Subject"><c>id@version</c> or <c>path#revision</c>.</param>
/// <param name="PublishedBy">Who.</param>
/// <param name="PublishedAt">When.</param>
/// <param name="Reason">Why.</param>
/// <param name="Warnings">Warnings the draft still had.</param>
internal sealed record PublicationView(string Subject, string PublishedBy, DateTimeOffset PublishedAt, string Reason, IReadOnlyList<DraftProblem> Warnings);

/// <summary>One event of the administration trail.</summary>
/// <param name="Sequence">Chain position.</param>
/// <param name="At">When.</param>
/// <param name="Actor">Who.</param>
/// <param name="Role">In which role.</param>
/// <param name="Kind">What (<c>definition.published</c>, <c>draft.updated</c>, …).</param>
/// <param name="Subject">To what.</param>
/// <param name="Detail">The particulars.</param>
/// <param name="PreviousHash">The preceding event's hash.</param>
/// <param name="Hash">This event's hash.</param>
internal sealed record AdministrationEventView(
    long Sequence, DateTimeOffset At, string Actor, string Role, string Kind, string Subject, System.Text.Json.Nodes.JsonNode? Detail, string PreviousHash, string Hash);

/// <summary>The administration trail's verification.</summary>
/// <param name="Intact">True when every link holds.</param>
/// <param name="Events">How many events were checked.</param>
/// <param name="BrokenAt">The first broken event's sequence, if any.</param>
/// <param name="Reason">Why it is broken.</param>
internal sealed record AdministrationVerification(bool Intact, long Events, long? BrokenAt, string? Reason);

/// <summary>A catalog document in force.</summary>
/// <param name="Path">Path in the catalog.</param>
/// <param name="Revision">Revision in force (1 in folder mode).</param>
/// <param name="ContentHash">SHA-256 of its text.</param>
/// <param name="PublishedBy">Who published the revision (null in folder mode).</param>
/// <param name="PublishedAt">When.</param>
/// <param name="Reason">Why.</param>
internal sealed record CatalogDocumentView(string Path, int Revision, string ContentHash, string? PublishedBy, DateTimeOffset? PublishedAt, string? Reason);
