using CustomerRisk.Application.Customers;
using CustomerRisk.Application.Ports;
using CustomerRisk.Domain;
using CustomerRisk.Storage.Entities;
using CustomerRisk.Storage.Schema;
using Microsoft.EntityFrameworkCore;

namespace CustomerRisk.Storage.Customers;

/// <summary>Customer list, master data and assessment history through EF Core, on either provider.</summary>
internal sealed class CustomerDirectory(RiskDbContext context) : ICustomerDirectory
{
    public async Task<CustomerPage> SearchAsync(CustomerSearch search, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(search);
        var assessments = context.Assessments.AsNoTracking();
        // Each customer's latest: no other assessment of it has a later as-of date, or the same date saved later.
        var latest = assessments.Where(a => !assessments.Any(b => b.CustomerId == a.CustomerId
            && (b.AsOf > a.AsOf || (b.AsOf == a.AsOf && b.AssessmentId > a.AssessmentId))));
        var rows = from c in context.Customers.AsNoTracking()
                   join l in latest on c.CustomerId equals l.CustomerId into joined
                   from a in joined.DefaultIfEmpty()
                   select new { c, a };

        if (!string.IsNullOrWhiteSpace(search.Text))
        {
            // Lower-cased on both sides: SQLite's lower() folds ASCII only, so the match is ASCII case-insensitive.
            var lower = search.Text.Trim().ToLowerInvariant();
            rows = rows.Where(r => r.c.CustomerId.ToLower().Contains(lower) || r.c.Name.ToLower().Contains(lower));
        }

        if (search.Grade is { } gradeCode)
        {
            var grade = Enum.Parse<Grade>(gradeCode);
            rows = rows.Where(r => r.a != null && r.a.Grade == grade);
        }

        if (search.Region is { } region)
        {
            rows = rows.Where(r => r.c.Region == region);
        }

        if (search.SalesOwner is { } owner)
        {
            rows = rows.Where(r => r.c.SalesOwner == owner);
        }

        var total = await rows.CountAsync(cancellationToken).ConfigureAwait(false);
        var ordered = search.Sort switch
        {
            CustomerSort.CustomerId => rows.OrderBy(r => r.c.CustomerId),
            CustomerSort.CreditScore => rows.OrderBy(r => r.a == null).ThenBy(r => r.a!.CreditScore == null).ThenBy(r => r.a!.CreditScore).ThenBy(r => r.c.CustomerId),
            CustomerSort.OverdueAr => rows.OrderBy(r => r.a == null).ThenByDescending(r => r.a!.OverdueAr).ThenBy(r => r.c.CustomerId),
            CustomerSort.Exposure => rows.OrderBy(r => r.a == null).ThenByDescending(r => r.a!.Exposure).ThenBy(r => r.c.CustomerId),
            _ => rows.OrderBy(r => r.a == null).ThenBy(r => r.a!.ExpectedLoss == null).ThenByDescending(r => r.a!.ExpectedLoss).ThenBy(r => r.c.CustomerId),
        };
        var page = await ordered.Skip((search.Page - 1) * search.PageSize).Take(search.PageSize)
            .Select(r => new
            {
                r.c.CustomerId, r.c.Name, r.c.Region, r.c.Industry, r.c.SalesOwner,
                Assessed = r.a != null,
                AsOf = r.a == null ? (DateOnly?)null : r.a.AsOf,
                Grade = r.a == null ? (Grade?)null : r.a.Grade,
                CreditScore = r.a == null ? null : r.a.CreditScore,
                Pd = r.a == null ? null : r.a.Pd,
                OpenAr = r.a == null ? (decimal?)null : r.a.OpenAr,
                OverdueAr = r.a == null ? (decimal?)null : r.a.OverdueAr,
                Exposure = r.a == null ? (decimal?)null : r.a.Exposure,
                Dso = r.a == null ? null : r.a.Dso,
                ExpectedLoss = r.a == null ? null : r.a.ExpectedLoss,
            })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var items = page.Select(r => new CustomerListItem
        {
            CustomerId = r.CustomerId,
            Name = r.Name,
            Region = r.Region,
            Industry = r.Industry,
            SalesOwner = r.SalesOwner,
            AsOf = r.AsOf,
            Grade = r.Grade?.ToCode(),
            CreditScore = r.CreditScore,
            Pd = r.Pd,
            OpenAr = r.OpenAr,
            OverdueAr = r.OverdueAr,
            Exposure = r.Exposure,
            Dso = r.Dso,
            ExpectedLoss = r.ExpectedLoss,
        }).ToArray();
        return new CustomerPage(items, total, search.Page, search.PageSize);
    }

    public async Task<CustomerProfile?> FindAsync(string customerId, CancellationToken cancellationToken = default)
    {
        var c = await context.Customers.AsNoTracking().FirstOrDefaultAsync(x => x.CustomerId == customerId, cancellationToken)
            .ConfigureAwait(false);
        return c is null ? null : new CustomerProfile
        {
            CustomerId = c.CustomerId,
            Name = c.Name,
            Industry = c.Industry,
            Region = c.Region,
            SalesOwner = c.SalesOwner,
            AnnualRevenue = c.AnnualRevenue,
            CreditLimit = c.CreditLimit,
            PaymentTermsDays = c.PaymentTermsDays,
            ProductFocus = c.ProductFocus is { } focus ? StoredCodes.CodeOf(focus) : null,
            CustomerSince = c.CustomerSince,
        };
    }

    public async Task<IReadOnlyList<AssessmentRecord>> HistoryAsync(string customerId, int limit,
        CancellationToken cancellationToken = default)
    {
        var rows = await context.Assessments.AsNoTracking()
            .Where(a => a.CustomerId == customerId)
            .OrderByDescending(a => a.AsOf).ThenByDescending(a => a.AssessmentId)
            .Take(Math.Max(0, limit))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Select(ToRecord).ToArray();
    }

    public async Task<AssessmentRun?> LatestRunAsync(CancellationToken cancellationToken = default)
    {
        var runs = await context.AssessmentRuns.AsNoTracking()
            .OrderByDescending(r => r.AsOf).Take(20)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        // Created-at is ordered here rather than in SQL: on SQLite it is ISO text, whose order depends on the offset.
        var run = runs.Where(r => r.AsOf == runs[0].AsOf).MaxBy(r => r.CreatedAt);
        return run is null ? null : new AssessmentRun
        {
            RunId = run.RunId,
            AsOf = run.AsOf,
            CreatedAt = run.CreatedAt,
            PolicyVersion = run.PolicyVersion,
            ScoreModel = run.ScoreModel,
        };
    }

    public async Task<FilterValues> FilterValuesAsync(string? salesOwner, CancellationToken cancellationToken = default)
    {
        var customers = context.Customers.AsNoTracking();
        if (salesOwner is not null)
        {
            customers = customers.Where(c => c.SalesOwner == salesOwner);
        }

        var regions = await customers.Where(c => c.Region != null).Select(c => c.Region!).Distinct()
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var owners = await customers.Where(c => c.SalesOwner != null).Select(c => c.SalesOwner!).Distinct()
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        regions.Sort(StringComparer.Ordinal);
        owners.Sort(StringComparer.Ordinal);
        return new FilterValues(regions, owners);
    }

    public async Task<string> DataVersionAsync(CancellationToken cancellationToken = default)
    {
        // Both tables only grow, one row per committed import or run, so their counts name the data's state.
        var imports = await context.ImportRuns.CountAsync(cancellationToken).ConfigureAwait(false);
        var runs = await context.AssessmentRuns.CountAsync(cancellationToken).ConfigureAwait(false);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{imports}:{runs}");
    }

    public async Task<bool> CanConnectAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            // A real query of a migrated table: a file that exists but was never migrated is not ready.
            _ = await context.AssessmentRuns.AsNoTracking().AnyAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception exception) when (exception is System.Data.Common.DbException or InvalidOperationException)
        {
            return false;
        }
    }

    public ValueTask DisposeAsync() => context.DisposeAsync();

    private static AssessmentRecord ToRecord(AssessmentEntity a) => new()
    {
        CustomerId = a.CustomerId,
        AsOf = a.AsOf,
        RunId = a.RunId,
        Grade = a.Grade,
        CreditScore = a.CreditScore,
        Pd = a.Pd,
        OpenAr = a.OpenAr,
        OverdueAr = a.OverdueAr,
        Exposure = a.Exposure,
        Dso = a.Dso,
        ExpectedLoss = a.ExpectedLoss,
        Details = a.Details,
    };
}
