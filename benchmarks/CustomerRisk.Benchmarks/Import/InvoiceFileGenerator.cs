using System.Globalization;
using System.Text;

namespace CustomerRisk.Benchmarks.Import;

/// <summary>Writes a realistic invoices.csv (and its customer ids) with a fixed seed, the same for the same arguments.</summary>
internal static class InvoiceFileGenerator
{
    public static HashSet<string> CustomerIds(int customers)
    {
        var ids = new HashSet<string>(customers, StringComparer.Ordinal);
        for (var c = 0; c < customers; c++)
        {
            ids.Add(CustomerId(c));
        }

        return ids;
    }

    public static void Write(string path, int rows, int customers, int seed = 42)
    {
        var random = new Random(seed);
        var start = new DateOnly(2023, 1, 1);
        int[] terms = [14, 30, 30, 45, 60, 90];
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        writer.Write("invoice_id,customer_id,issue_date,due_date,amount,currency\n");
        for (var i = 0; i < rows; i++)
        {
            var issued = start.AddDays(random.Next(0, 1096));
            var due = issued.AddDays(terms[random.Next(terms.Length)]);
            var cents = random.Next(1_000, 10_000_000);
            writer.Write(string.Create(CultureInfo.InvariantCulture,
                $"INV{i:D9},{CustomerId(random.Next(customers))},{issued:yyyy-MM-dd},{due:yyyy-MM-dd},{cents / 100}.{cents % 100:D2},{(i % 10 == 0 ? "EUR" : string.Empty)}\n"));
        }
    }

    private static string CustomerId(int c) => string.Create(CultureInfo.InvariantCulture, $"C{c:D6}");
}
