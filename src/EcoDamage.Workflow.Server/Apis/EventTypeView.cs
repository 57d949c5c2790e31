namespace EcoDamage.Workflow.Server.Apis;

/// <summary>An event a subscription can select.</summary>
/// <param name="Name">The name subscriptions use (<c>case.opened</c>).</param>
/// <param name="Type">The versioned type in the envelope (<c>ecodamage.case.opened.v1</c>).</param>
internal sealed record EventTypeView(string Name, string Type);
