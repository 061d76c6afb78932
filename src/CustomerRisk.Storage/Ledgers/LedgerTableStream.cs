using System.Collections.Concurrent;
using System.Runtime.InteropServices;
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
    private readonly bool _recycle;

    // Chunks the consumer has given back (see Seal and Recycle), for the producer to fill again instead of allocating.
    private readonly ConcurrentQueue<Chunk> _free = new();

    // Chunks every segment of which has been taken or skipped since the last Seal, and those sealed with the batch
    // the consumer holds now; the chunk segments are being taken from.
    private readonly List<Chunk> _passed = [];
    private readonly List<Chunk> _sealed = [];
    private TLine[]? _current;
    private long[]? _currentLinks;
    private LedgerSegment<TLine>[]? _batch;
    private int _index;

    /// <param name="open">Opens the ordered query: column 0 is the customer key; every column is an integer.</param>
    /// <param name="columns">How many columns the query returns.</param>
    /// <param name="decode">Makes one line from the current row's integers.</param>
    /// <param name="linkColumn">The column of the per-row link key, or -1.</param>
    /// <param name="recycle">Whether the consumer gives chunks back (<see cref="Seal"/>, <see cref="Recycle"/>).</param>
    /// <param name="cancellationToken">Stops the reading thread.</param>
    public LedgerTableStream(Func<IRowCursor> open, int columns, RowDecoder<TLine> decode, int linkColumn,
        bool recycle, CancellationToken cancellationToken)
    {
        _recycle = recycle;
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
                Pass(segment);
                return segment;
            }

            if (!ordinals.TryGetValue(segment.CustomerKey, out var position) || position < ordinal)
            {
                _index++;
                Pass(segment);
                continue;
            }

            return default;
        }
    }

    /// <summary>Marks the chunks whose every segment has been taken so far as belonging to the batch of ledgers about
    /// to be handed out: <see cref="Recycle"/> gives them back once that batch is done with.</summary>
    public void Seal()
    {
        _sealed.AddRange(_passed);
        _passed.Clear();
    }

    /// <summary>Gives the chunks sealed with the batch just done with back to the reading thread, to fill again.
    /// Only for a consumer that holds no line of that batch any more.</summary>
    public void Recycle()
    {
        foreach (var chunk in _sealed)
        {
            _free.Enqueue(chunk);
        }

        _sealed.Clear();
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

    private void Pass(LedgerSegment<TLine> segment)
    {
        if (!_recycle || !MemoryMarshal.TryGetArray<TLine>(segment.Lines, out var lines) || lines.Array is not { } array ||
            ReferenceEquals(array, _current))
        {
            return;
        }

        // The reading thread never goes back to a chunk: the previous one is done with once this batch is.
        if (_current is { Length: ChunkSize } done)
        {
            _passed.Add(new Chunk(done, _currentLinks));
        }

        _current = array;
        _currentLinks = MemoryMarshal.TryGetArray(segment.Links, out var links) ? links.Array : null;
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
                        if (_free.TryDequeue(out var reused))
                        {
                            lines = reused.Lines;
                            links = links is null ? null : reused.Links;
                        }
                        else
                        {
                            lines = new TLine[ChunkSize];
                            links = links is null ? null : new long[ChunkSize];
                        }

                        position = 0;
                    }

                    start = position;
                }

                if (position == lines.Length)
                {
                    // A customer outgrows the chunk: move its rows so far into a fresh chunk (given back or new), or
                    // into a larger array of its own when they fill half a chunk already.
                    var length = position - start;
                    TLine[] grown;
                    long[]? grownLinks;
                    if (length * 2 <= ChunkSize && _free.TryDequeue(out var reused))
                    {
                        grown = reused.Lines;
                        grownLinks = reused.Links;
                    }
                    else
                    {
                        grown = new TLine[Math.Max(ChunkSize, length * 2)];
                        grownLinks = links is null ? null : new long[grown.Length];
                    }

                    Array.Copy(lines, start, grown, 0, length);
                    lines = grown;
                    if (links is not null)
                    {
                        Array.Copy(links, start, grownLinks!, 0, length);
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

    private readonly record struct Chunk(TLine[] Lines, long[]? Links);

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
