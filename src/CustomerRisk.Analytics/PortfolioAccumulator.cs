namespace CustomerRisk.Analytics;

/// <summary>Builds the portfolio's indicators from the customers' indicators one at a time, in constant memory:
/// add every customer with <see cref="Add"/>, then call <see cref="Complete"/>. Not thread-safe; to work in parallel,
/// give each thread its own accumulator and <see cref="Merge"/> them.</summary>
public sealed class PortfolioAccumulator
{
    private const int TopCount = 10;

    // Squares of sales are kept in thousands² so that Σ s² cannot overflow decimal (about 7.9e28) below 1e14 of
    // sales per customer in a portfolio of 100,000; HHI is a ratio, so the scale cancels.
    private const decimal SquareScale = 1_000m;

    private readonly DateOnly _asOf;
    private readonly decimal _windowDays;
    private readonly decimal[] _top = new decimal[TopCount]; // the largest sales seen, descending
    private int _topFilled;
    private int _customers;
    private decimal _openAr;
    private decimal _overdueAr;
    private decimal _unappliedCredit;
    private decimal _sales;
    private decimal _exposure;
    private decimal _scaledSquares;
    private AgingBuckets _aging;
    private int _activeInPrior;
    private int _churned;
    private bool _completed;

    /// <summary>Starts an empty portfolio as of <paramref name="asOf"/>.</summary>
    /// <param name="asOf">The as-of date every added customer must share.</param>
    /// <param name="policy">Gives the review window length of DSO (365 by default).</param>
    /// <exception cref="ArgumentException">The policy is invalid.</exception>
    public PortfolioAccumulator(DateOnly asOf, IndicatorPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        policy.Validate();
        _asOf = asOf;
        _windowDays = policy.ReviewWindowDays;
    }

    /// <summary>How many customers have been added.</summary>
    public int Customers => _customers;

    /// <summary>Adds one customer's indicators.</summary>
    /// <exception cref="ArgumentException">The indicators are as of another date.</exception>
    /// <exception cref="InvalidOperationException"><see cref="Complete"/> was called already.</exception>
    public void Add(CustomerIndicators customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        if (_completed)
        {
            throw new InvalidOperationException("The portfolio is complete; start a new accumulator to add customers.");
        }

        if (customer.AsOf != _asOf)
        {
            throw new ArgumentException(
                $"Customer {customer.CustomerId} is as of {customer.AsOf:yyyy-MM-dd}, but the portfolio is as of {_asOf:yyyy-MM-dd}.",
                nameof(customer));
        }

        _customers++;
        _openAr += customer.OpenAr;
        _overdueAr += customer.OverdueAr;
        _unappliedCredit += customer.UnappliedCredit;
        _exposure += customer.Exposure;
        _aging += customer.Aging;
        AddSales(customer.Sales12m);

        if (customer.HasInvoiceInPriorWindow)
        {
            _activeInPrior++;
            if (!customer.HasInvoiceInWindow)
            {
                _churned++;
            }
        }
    }

    /// <summary>Adds everything another accumulator of the same date has gathered (for parallel work).</summary>
    /// <exception cref="ArgumentException">The other accumulator is as of another date or is this one.</exception>
    public void Merge(PortfolioAccumulator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (ReferenceEquals(other, this) || other._asOf != _asOf || other._windowDays != _windowDays)
        {
            throw new ArgumentException("Only a different accumulator of the same date and policy can be merged.", nameof(other));
        }

        _customers += other._customers;
        _openAr += other._openAr;
        _overdueAr += other._overdueAr;
        _unappliedCredit += other._unappliedCredit;
        _exposure += other._exposure;
        _aging += other._aging;
        _sales += other._sales;
        _scaledSquares += other._scaledSquares;
        _activeInPrior += other._activeInPrior;
        _churned += other._churned;
        for (var i = 0; i < other._topFilled; i++)
        {
            InsertTop(other._top[i]);
        }
    }

    /// <summary>The portfolio's indicators from what was added. May be called more than once; no customer can be added
    /// after it.</summary>
    public PortfolioIndicators Complete()
    {
        _completed = true;
        decimal top5 = 0m, top10 = 0m;
        for (var i = 0; i < _topFilled; i++)
        {
            top10 += _top[i];
            if (i < 5)
            {
                top5 += _top[i];
            }
        }

        var scaledSales = _sales / SquareScale;
        return new PortfolioIndicators
        {
            AsOf = _asOf,
            Customers = _customers,
            OpenAr = _openAr,
            OverdueAr = _overdueAr,
            UnappliedCredit = _unappliedCredit,
            Aging = _aging,
            Sales12m = _sales,
            Dso = _openAr == 0m ? 0m : _sales == 0m ? null : _windowDays * _openAr / _sales,
            Exposure = _exposure,
            Hhi = _sales == 0m ? null : _scaledSquares / (scaledSales * scaledSales),
            Top5Share = _sales == 0m ? null : top5 / _sales,
            Top10Share = _sales == 0m ? null : top10 / _sales,
            CustomersActiveInPriorWindow = _activeInPrior,
            CustomersChurned = _churned,
            ChurnRate = _activeInPrior == 0 ? null : (decimal)_churned / _activeInPrior,
        };
    }

    private void AddSales(decimal sales)
    {
        _sales += sales;
        var scaled = sales / SquareScale;
        _scaledSquares += scaled * scaled;
        InsertTop(sales);
    }

    private void InsertTop(decimal sales)
    {
        if (_topFilled == TopCount && sales <= _top[TopCount - 1])
        {
            return;
        }

        var j = _topFilled == TopCount ? TopCount - 1 : _topFilled++;
        while (j > 0 && _top[j - 1] < sales)
        {
            _top[j] = _top[j - 1];
            j--;
        }

        _top[j] = sales;
    }
}
