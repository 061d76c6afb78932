using System.Threading.Channels;

namespace CustomerRisk.Storage.Ledgers;

/// <summary>Reads one table in customer order on its own connection and thread, cut into per-customer segments that
/// the merge takes in step with the customers. Rows go into chunks of <see cref="ChunkSize"/> lines that the segments
/// slice, so reading allocates per chunk, not per customer or row.</summary>
internal sealed class LedgerTableStream<TLine> : IAsyncDisposable
    where TLine : struct
{
    // Small enough to stay off the large object heap (85 KB) for every line type.
    private const int ChunkSize = 2048;
    private const int BatchSize = 256;

    private readonly Channel<LedgerSegment<TLine>[]> _channel =
        Channel.CreateBounded<LedgerSegment<TLine>[]>(new BoundedChannelOptions(16) { SingleReader = true, SingleWriter = true });

    private readonly CancellationTokenSource _stop;
    private readonly Task _producer;
    private LedgerSegment<TLine>[]? _batch;
    private int _index;

    /// <param name="open">Opens the ordered query: column 0 is the customer key; every column is an integer.</param>
    /// <param name="columns">How many columns the query returns.</param>
    /// <param name="decode">Makes one line from the current row's integers.</param>
    /// <param name="linkColumn">The column of the per-row link key, or -1.</param>
    /// <param name="cancellationToken">Stops the reading thread.</param>
    public LedgerTableStream(Func<IRowCursor> open, int columns, RowDecoder<TLine> decode, int linkColumn,
        CancellationToken cancellationToken)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var token = _stop.Token;
        _producer = Task.Factory.StartNew(() => Produce(open, columns, decode, linkColumn, token), token,
            TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>The segment of the customer with <paramref name="customerKey"/>, at position <paramref name="ordinal"/>
    /// of the customer order, or an empty segment. Segments of customers before it or unknown to the merge (a customer
    /// committed after the customers were read) are skipped.</summary>
    public async ValueTask<LedgerSegment<TLine>> TakeAsync(long customerKey, int ordinal,
        Dictionary<long, int> ordinals)
    {
        while (true)
        {
            if (_batch is null || _index == _batch.Length)
            {
                if (!await FetchAsync().ConfigureAwait(false))
                {
                    return default;
                }
            }

            var segment = _batch![_index];
            if (segment.CustomerKey == customerKey)
            {
                _index++;
                return segment;
            }

            if (!ordinals.TryGetValue(segment.CustomerKey, out var position) || position < ordinal)
            {
                _index++;
                continue;
            }

            return default;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _producer.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
        catch (ChannelClosedException)
        {
        }

        _stop.Dispose();
    }

    private async ValueTask<bool> FetchAsync()
    {
        var reader = _channel.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            if (reader.TryRead(out var batch))
            {
                _batch = batch;
                _index = 0;
                return true;
            }
        }

        // Completed: surface a failure of the producer.
        await _producer.ConfigureAwait(false);
        _batch = null;
        return false;
    }

    private void Produce(Func<IRowCursor> open, int columns, RowDecoder<TLine> decode, int linkColumn,
        CancellationToken token)
    {
        Span<long> row = stackalloc long[columns];
        var writer = _channel.Writer;
        try
        {
            using var cursor = open();
            var lines = new TLine[ChunkSize];
            var links = linkColumn >= 0 ? new long[ChunkSize] : null;
            var position = 0;
            var start = 0;
            var current = long.MinValue;
            var batch = new LedgerSegment<TLine>[BatchSize];
            var count = 0;

            void Emit()
            {
                batch[count++] = new LedgerSegment<TLine>(current, lines.AsMemory(start, position - start),
                    links is null ? default : links.AsMemory(start, position - start));
                if (count == BatchSize)
                {
                    Write(writer, batch, token);
                    batch = new LedgerSegment<TLine>[BatchSize];
                    count = 0;
                }
            }

            while (cursor.Next())
            {
                cursor.Int64s(row);
                var key = row[0];
                if (key != current)
                {
                    if (current != long.MinValue)
                    {
                        Emit();
                    }

                    current = key;
                    if (position > ChunkSize - 16)
                    {
                        lines = new TLine[ChunkSize];
                        links = links is null ? null : new long[ChunkSize];
                        position = 0;
                    }

                    start = position;
                }

                if (position == lines.Length)
                {
                    // One customer outgrows the chunk: move its rows so far into a larger array of its own.
                    var length = position - start;
                    var grown = new TLine[Math.Max(ChunkSize, length * 2)];
                    Array.Copy(lines, start, grown, 0, length);
                    lines = grown;
                    if (links is not null)
                    {
                        var grownLinks = new long[grown.Length];
                        Array.Copy(links, start, grownLinks, 0, length);
                        links = grownLinks;
                    }

                    start = 0;
                    position = length;
                }

                lines[position] = decode(row);
                if (links is not null)
                {
                    links[position] = row[linkColumn];
                }

                position++;
            }

            if (current != long.MinValue)
            {
                Emit();
            }

            if (count > 0)
            {
                Write(writer, batch[..count], token);
            }

            writer.TryComplete();
        }
        catch (Exception exception)
        {
            writer.TryComplete(exception);
            throw;
        }
    }

    private static void Write(ChannelWriter<LedgerSegment<TLine>[]> writer, LedgerSegment<TLine>[] batch,
        CancellationToken token)
    {
        var pending = writer.WriteAsync(batch, token);
        if (!pending.IsCompletedSuccessfully)
        {
            pending.AsTask().GetAwaiter().GetResult();
        }
    }
}
