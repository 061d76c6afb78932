namespace CustomerRisk.Storage.Schema;

/// <summary>A business column of an imported table.</summary>
internal sealed record Column(string Name, ColumnKind Kind, bool Required);
