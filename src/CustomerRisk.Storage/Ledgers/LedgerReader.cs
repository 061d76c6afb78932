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
        await using var invoices = new LedgerTableStream<InvoiceLine>(() => source.Open(LedgerTable.Invoices), 5,
            DecodeInvoice, 4, cancellationToken);
        await using var payments = new LedgerTableStream<PaymentLine>(() => source.Open(LedgerTable.Payments), 4,
            DecodePayment, 3, cancellationToken);
        await using var claims = new LedgerTableStream<ClaimLine>(() => source.Open(LedgerTable.Claims), 3,
            DecodeClaim, -1, cancellationToken);
        await using var orders = new LedgerTableStream<OrderLine>(() => source.Open(LedgerTable.Orders), 4,
            DecodeOrder, -1, cancellationToken);
        await using var interactions = new LedgerTableStream<InteractionLine>(
            () => source.Open(LedgerTable.Interactions), 3, DecodeInteraction, -1, cancellationToken);

        var customers = ReadCustomers(source, cancellationToken);
        var ordinals = new Dictionary<long, int>(customers.Count);
        for (var i = 0; i < customers.Count; i++)
        {
            ordinals[customers[i].Key] = i;
        }

        var invoicePositions = new Dictionary<long, int>();
        for (var i = 0; i < customers.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (key, customer) = customers[i];
            var invoiceSegment = await invoices.TakeAsync(key, i, ordinals).ConfigureAwait(false);
            var paymentSegment = await payments.TakeAsync(key, i, ordinals).ConfigureAwait(false);
            var claimSegment = await claims.TakeAsync(key, i, ordinals).ConfigureAwait(false);
            var orderSegment = await orders.TakeAsync(key, i, ordinals).ConfigureAwait(false);
            var interactionSegment = await interactions.TakeAsync(key, i, ordinals).ConfigureAwait(false);
            LinkPayments(paymentSegment.Lines.Span, paymentSegment.Links.Span, invoiceSegment.Links.Span, invoicePositions);
            yield return new CustomerLedger
            {
                Customer = customer,
                Invoices = invoiceSegment.Lines,
                Payments = paymentSegment.Lines,
                Claims = claimSegment.Lines,
                Orders = orderSegment.Lines,
                Interactions = interactionSegment.Lines,
            };
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
