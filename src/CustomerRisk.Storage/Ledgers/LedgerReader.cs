using System.Runtime.CompilerServices;
using Unsafe = System.Runtime.CompilerServices.Unsafe;
using CustomerRisk.Analytics;
using CustomerRisk.Domain;

namespace CustomerRisk.Storage.Ledgers;

/// <summary>Streams customer ledgers by merge-joining ordered scans: the customers are read first (to know the order),
/// while each fact table is read on its own thread into per-customer segments; the merge then takes, for each
/// customer in customer_id order, that customer's segment from every table.</summary>
internal static class LedgerReader
{
    // Below this many invoices a linear search finds a payment's invoice faster than filling a dictionary.
    private const int LinearSearchLimit = 32;

    public static async IAsyncEnumerable<CustomerLedger> ReadAsync(ILedgerSource source,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var merge = await Merge.OpenAsync(source, recycle: false, cancellationToken).ConfigureAwait(false);
        while (await merge.NextAsync().ConfigureAwait(false) is { } ledger)
        {
            yield return ledger;
        }
    }

    /// <summary>The ledgers in batches of up to <paramref name="batchSize"/> customers; a batch's lines are valid until
    /// the next batch is asked for, when their chunks go back to the reading threads to be filled again (so reading
    /// the whole store allocates the chunks of a few batches, not of every line).</summary>
    public static async IAsyncEnumerable<IReadOnlyList<CustomerLedger>> ReadBatchesAsync(ILedgerSource source, int batchSize,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        await using var merge = await Merge.OpenAsync(source, recycle: true, cancellationToken).ConfigureAwait(false);
        while (true)
        {
            var batch = new List<CustomerLedger>(batchSize);
            while (batch.Count < batchSize && await merge.NextAsync().ConfigureAwait(false) is { } ledger)
            {
                batch.Add(ledger);
            }

            if (batch.Count == 0)
            {
                yield break;
            }

            merge.Seal();
            yield return batch;
            merge.Recycle();
        }
    }

    /// <summary>The merge of the customers with the five fact tables, each read on its own thread.</summary>
    private sealed class Merge : IAsyncDisposable
    {
        private readonly LedgerTableStream<InvoiceLine> _invoices;
        private readonly LedgerTableStream<PaymentLine> _payments;
        private readonly LedgerTableStream<ClaimLine> _claims;
        private readonly LedgerTableStream<OrderLine> _orders;
        private readonly LedgerTableStream<InteractionLine> _interactions;
        private readonly List<(long Key, Customer Customer)> _customers = [];
        private readonly Dictionary<long, int> _ordinals = [];
        private readonly Dictionary<long, int> _invoicePositions = [];
        private readonly CancellationToken _cancellationToken;
        private int _next;

        private Merge(ILedgerSource source, bool recycle, CancellationToken cancellationToken)
        {
            _cancellationToken = cancellationToken;
            _invoices = new LedgerTableStream<InvoiceLine>(() => source.Open(LedgerTable.Invoices), 5, DecodeInvoice, 4, recycle,
                cancellationToken);
            _payments = new LedgerTableStream<PaymentLine>(() => source.Open(LedgerTable.Payments), 4, DecodePayment, 3, recycle,
                cancellationToken);
            _claims = new LedgerTableStream<ClaimLine>(() => source.Open(LedgerTable.Claims), 3, DecodeClaim, -1, recycle,
                cancellationToken);
            _orders = new LedgerTableStream<OrderLine>(() => source.Open(LedgerTable.Orders), 4, DecodeOrder, -1, recycle,
                cancellationToken);
            _interactions = new LedgerTableStream<InteractionLine>(() => source.Open(LedgerTable.Interactions), 3, DecodeInteraction,
                -1, recycle, cancellationToken);
        }

        /// <summary>Starts reading every fact table, then reads the customers (their order drives the merge).</summary>
        public static async ValueTask<Merge> OpenAsync(ILedgerSource source, bool recycle, CancellationToken cancellationToken)
        {
            var merge = new Merge(source, recycle, cancellationToken);
            try
            {
                merge._customers.AddRange(ReadCustomers(source, cancellationToken));
                merge._ordinals.EnsureCapacity(merge._customers.Count);
                for (var i = 0; i < merge._customers.Count; i++)
                {
                    merge._ordinals[merge._customers[i].Key] = i;
                }

                return merge;
            }
            catch
            {
                // Stop the reading threads before the failure goes up.
                await merge.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }

        /// <summary>The next customer's ledger, or null after the last.</summary>
        public async ValueTask<CustomerLedger?> NextAsync()
        {
            if (_next == _customers.Count)
            {
                return null;
            }

            _cancellationToken.ThrowIfCancellationRequested();
            var i = _next++;
            var (key, customer) = _customers[i];
            var invoiceSegment = await _invoices.TakeAsync(key, i, _ordinals).ConfigureAwait(false);
            var paymentSegment = await _payments.TakeAsync(key, i, _ordinals).ConfigureAwait(false);
            var claimSegment = await _claims.TakeAsync(key, i, _ordinals).ConfigureAwait(false);
            var orderSegment = await _orders.TakeAsync(key, i, _ordinals).ConfigureAwait(false);
            var interactionSegment = await _interactions.TakeAsync(key, i, _ordinals).ConfigureAwait(false);
            LinkPayments(paymentSegment.Lines.Span, paymentSegment.Links.Span, invoiceSegment.Links.Span, _invoicePositions);
            return new CustomerLedger
            {
                Customer = customer,
                Invoices = invoiceSegment.Lines,
                Payments = paymentSegment.Lines,
                Claims = claimSegment.Lines,
                Orders = orderSegment.Lines,
                Interactions = interactionSegment.Lines,
            };
        }

        /// <summary>Ties the chunks taken so far to the batch about to be handed out.</summary>
        public void Seal()
        {
            _invoices.Seal();
            _payments.Seal();
            _claims.Seal();
            _orders.Seal();
            _interactions.Seal();
        }

        /// <summary>Gives the chunks of the batch just done with back to the reading threads.</summary>
        public void Recycle()
        {
            _invoices.Recycle();
            _payments.Recycle();
            _claims.Recycle();
            _orders.Recycle();
            _interactions.Recycle();
        }

        public async ValueTask DisposeAsync()
        {
            await _interactions.DisposeAsync().ConfigureAwait(false);
            await _orders.DisposeAsync().ConfigureAwait(false);
            await _claims.DisposeAsync().ConfigureAwait(false);
            await _payments.DisposeAsync().ConfigureAwait(false);
            await _invoices.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Sets each payment's <see cref="PaymentLine.InvoiceIndex"/> to the position of the invoice it names in
    /// the customer's invoice array, or -1 when it names none or one the customer does not have.</summary>
    internal static void LinkPayments(Span<PaymentLine> payments, ReadOnlySpan<long> paymentLinks,
        ReadOnlySpan<long> invoiceKeys, Dictionary<long, int> positions)
    {
        var indexed = false;
        for (var p = 0; p < payments.Length; p++)
        {
            var link = paymentLinks[p];
            if (link == 0)
            {
                continue;
            }

            var position = -1;
            if (invoiceKeys.Length <= LinearSearchLimit)
            {
                position = invoiceKeys.IndexOf(link);
            }
            else
            {
                if (!indexed)
                {
                    positions.Clear();
                    for (var i = 0; i < invoiceKeys.Length; i++)
                    {
                        positions[invoiceKeys[i]] = i;
                    }

                    indexed = true;
                }

                if (!positions.TryGetValue(link, out position))
                {
                    position = -1;
                }
            }

            payments[p] = payments[p] with { InvoiceIndex = position };
        }
    }

    private static List<(long Key, Customer Customer)> ReadCustomers(ILedgerSource source,
        CancellationToken cancellationToken)
    {
        var customers = new List<(long, Customer)>();
        using var cursor = source.Open(LedgerTable.Customers);
        while (cursor.Next())
        {
            if ((customers.Count & 1023) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            customers.Add((cursor.Int64(0), DecodeCustomer(cursor)));
        }

        return customers;
    }

    private static Customer DecodeCustomer(IRowCursor c) => new()
    {
        CustomerId = c.Text(1),
        Name = c.Text(2),
        Industry = c.IsNull(3) ? null : c.Text(3),
        Region = c.IsNull(4) ? null : c.Text(4),
        SalesOwner = c.IsNull(5) ? null : c.Text(5),
        AnnualRevenue = c.IsNull(6) ? null : StoredAmount.FromScaled(c.Int64(6)),
        CreditLimit = c.IsNull(7) ? null : StoredAmount.FromScaled(c.Int64(7)),
        PaymentTermsDays = (int)c.Int64(8),
        ProductFocus = c.IsNull(9) ? null : Code<ProductFocus>(c.Int64(9), "product_focus"),
        CustomerSince = c.IsNull(10) ? null : Day(c.Int64(10)),
    };

    private static InvoiceLine DecodeInvoice(ReadOnlySpan<long> r) =>
        new(Day(r[1]), Day(r[2]), StoredAmount.FromScaled(r[3]));

    private static PaymentLine DecodePayment(ReadOnlySpan<long> r) => new(Day(r[1]), StoredAmount.FromScaled(r[2]), -1);

    private static ClaimLine DecodeClaim(ReadOnlySpan<long> r) => new(Day(r[1]), StoredAmount.FromScaled(r[2]));

    private static OrderLine DecodeOrder(ReadOnlySpan<long> r) =>
        new(Day(r[1]), StoredAmount.FromScaled(r[2]), Code<OrderStatus>(r[3], "sales_orders.status"));

    private static InteractionLine DecodeInteraction(ReadOnlySpan<long> r) =>
        new(Day(r[1]), Code<InteractionType>(r[2], "interactions.type"));

    private static DateOnly Day(long dayNumber) => DateOnly.FromDayNumber((int)dayNumber);

    private static TEnum Code<TEnum>(long number, string column) where TEnum : struct, Enum
    {
        // The CASE expression of the query yields only the enum's own numbers, or -1 for a code it does not know.
        if (number < 0 || number >= EnumCount<TEnum>.Value)
        {
            throw new InvalidDataException($"The store holds an unknown code in {column}.");
        }

        var value = (int)number;
        return Unsafe.As<int, TEnum>(ref value);
    }

    private static class EnumCount<TEnum> where TEnum : struct, Enum
    {
        public static readonly int Value = Enum.GetValues<TEnum>().Length;
    }
}
