namespace CustomerRisk.Application.Alerts;

/// <summary>One change to save: a new alert (id 0) or a new state of a saved one, and the event it raises (null when
/// the change raises none, e.g. a still-firing alert seen again).</summary>
/// <param name="Alert">The alert as it is to be stored.</param>
/// <param name="Event">One of <see cref="AlertEvents"/>, or null.</param>
public sealed record AlertChange(Alert Alert, string? Event);
