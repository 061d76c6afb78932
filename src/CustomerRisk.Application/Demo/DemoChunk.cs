namespace CustomerRisk.Application.Demo;

/// <summary>The rows of a run of consecutive customers, one buffer per file, generated on one thread and then
/// written in customer order, so parallel generation still writes the same bytes.</summary>
internal sealed class DemoChunk
{
    public DemoChunk()
    {
        Buffers = new CsvRowBuffer[DemoFiles.Count];
        for (var i = 0; i < Buffers.Length; i++)
        {
            Buffers[i] = new CsvRowBuffer();
        }

        BadRows = new int[DemoFiles.Count];
    }

    public CsvRowBuffer[] Buffers { get; }

    /// <summary>Deliberately bad rows per file (only with errors switched on).</summary>
    public int[] BadRows { get; }

    public CsvRowBuffer Customers => Buffers[DemoFiles.Customers];

    public CsvRowBuffer Invoices => Buffers[DemoFiles.Invoices];

    public CsvRowBuffer Payments => Buffers[DemoFiles.Payments];

    public CsvRowBuffer Claims => Buffers[DemoFiles.Claims];

    public CsvRowBuffer Orders => Buffers[DemoFiles.Orders];

    public CsvRowBuffer Interactions => Buffers[DemoFiles.Interactions];

    public CsvRowBuffer Financials => Buffers[DemoFiles.Financials];

    public CsvRowBuffer ExpertScores => Buffers[DemoFiles.ExpertScores];

    public void Clear()
    {
        foreach (var buffer in Buffers)
        {
            buffer.Clear();
        }

        Array.Clear(BadRows);
    }
}
