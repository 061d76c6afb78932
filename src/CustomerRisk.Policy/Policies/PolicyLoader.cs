using System.Reflection;
using CustomerRisk.Domain;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CustomerRisk.Policy;

/// <summary>Loads a <see cref="CreditPolicy"/> from YAML text, validating everything on the way: bad YAML, unknown
/// keys and rules, negative factors, thresholds out of order or overlapping and probabilities outside 0–1 are refused
/// with a <see cref="PolicyLoadException"/> naming the line of each error.</summary>
public static class PolicyLoader
{
    /// <summary>The manifest name of the embedded default policy (policies/default.yaml).</summary>
    public const string EmbeddedDefaultName = "CustomerRisk.Policy.default.yaml";

    private static readonly Grade[] s_allGrades = [Grade.A, Grade.B, Grade.C, Grade.D, Grade.N];

    /// <summary>Loads a policy from YAML text.</summary>
    /// <param name="yamlText">The policy file's content.</param>
    /// <param name="sourceName">Where it came from (a file name), used in messages and kept on the policy.</param>
    /// <exception cref="PolicyLoadException">The text is not valid YAML or not a valid policy.</exception>
    public static CreditPolicy Load(string yamlText, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(yamlText);
        ArgumentNullException.ThrowIfNull(sourceName);

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yamlText));
        }
        catch (YamlException e)
        {
            var message = e.InnerException is YamlException inner ? inner.Message : e.Message;
            throw new PolicyLoadException(sourceName, [new PolicyError((int)e.Start.Line, (int)e.Start.Column, $"not valid YAML: {StripMark(message)}")]);
        }
        catch (InvalidOperationException)
        {
            // Some malformed documents (an unclosed flow list) make the representation model fail without a mark;
            // the event parser alone finds where the text stops making sense.
            var (line, column, message) = LocateSyntaxError(yamlText);
            throw new PolicyLoadException(sourceName, [new PolicyError(line, column, $"not valid YAML: {message}")]);
        }

        var parser = new PolicyParser();
        if (stream.Documents.Count != 1)
        {
            throw new PolicyLoadException(sourceName, [new PolicyError(1, 1, $"a policy file holds exactly one YAML document, found {stream.Documents.Count}")]);
        }

        var root = stream.Documents[0].RootNode;
        var policy = Build(parser, root, sourceName);
        if (parser.Errors.Count > 0 || policy is null)
        {
            var errors = parser.Errors.OrderBy(e => e.Line).ThenBy(e => e.Column).ToArray();
            throw new PolicyLoadException(sourceName, errors);
        }

        return policy;
    }

    /// <summary>Loads a policy file.</summary>
    /// <exception cref="PolicyLoadException">The file is not a valid policy.</exception>
    public static CreditPolicy LoadFile(string path) => Load(File.ReadAllText(path), Path.GetFileName(path));

    /// <summary>The text of the embedded default policy, e.g. for <c>crisk policy show</c> or to start a new file.</summary>
    public static string DefaultPolicyText()
    {
        using var resource = typeof(PolicyLoader).Assembly.GetManifestResourceStream(EmbeddedDefaultName)
            ?? throw new InvalidOperationException($"The embedded default policy {EmbeddedDefaultName} is missing from the build.");
        using var reader = new StreamReader(resource);
        return reader.ReadToEnd();
    }

    internal static CreditPolicy LoadEmbeddedDefault() => Load(DefaultPolicyText(), "default.yaml");

    private static (int Line, int Column, string Message) LocateSyntaxError(string yamlText)
    {
        var parser = new Parser(new StringReader(yamlText));
        var last = Mark.Empty;
        try
        {
            while (parser.MoveNext())
            {
                last = parser.Current?.End ?? last;
            }
        }
        catch (YamlException e)
        {
            return ((int)e.Start.Line, (int)e.Start.Column, StripMark(e.Message));
        }
        catch (InvalidOperationException)
        {
            return ((int)last.Line, (int)last.Column, "the structure breaks after this point (an unclosed [ or { ?)");
        }

        return ((int)last.Line, (int)last.Column, "the document ends before its structure is closed");
    }

    private static string StripMark(string message)
    {
        // YamlDotNet prefixes "(Line: 3, Col: 5, Idx: 20) - (Line: …): "; the line is reported separately.
        var cut = message.LastIndexOf("): ", StringComparison.Ordinal);
        return cut >= 0 && message.StartsWith('(') ? message[(cut + 3)..] : message;
    }

    private static CreditPolicy? Build(PolicyParser p, YamlNode rootNode, string sourceName)
    {
        var root = p.Map(rootNode, "");
        if (root is null)
        {
            return null;
        }

        var version = p.Text(root.Required("version"), "version");
        if (version is not null && version.Trim().Length == 0)
        {
            p.Error(root.ValueNode("version"), "'version' may not be empty");
        }

        var currency = p.Text(root.Required("currency"), "currency");
        if (currency is not null && (currency.Length != 3 || !currency.All(char.IsAsciiLetterUpper)))
        {
            p.Error(root.ValueNode("currency"), $"'currency' must be an ISO 4217 code of three capital letters, found '{currency}'");
        }

        var rating = ReadRating(p, p.Map(root.Required("rating"), "rating"));
        var scale = ReadScale(p, p.Map(root.Required("score_scale"), "score_scale"));
        var scorecard = ReadScorecard(p, p.Map(root.Required("expert_scorecard"), "expert_scorecard"));
        var grades = ReadGrades(p, p.Map(root.Required("grades"), "grades"));
        var limits = ReadLimits(p, p.Map(root.Required("limits"), "limits"));
        var orderCheck = ReadOrderCheck(p, p.Map(root.Required("order_check"), "order_check"));
        var warnings = ReadWarnings(p, p.Sequence(root.Required("warnings"), "warnings"));
        var matrix = ReadRiskMatrix(p, p.Map(root.Required("risk_matrix"), "risk_matrix"));
        var intervals = ReadIntervals(p, p.Map(root.Required("review_interval_months"), "review_interval_months"));
        var dunning = ReadDunning(p, p.Sequence(root.Required("dunning"), "dunning"));
        var lossMap = p.Map(root.Required("expected_loss"), "expected_loss");
        decimal? lgd = null;
        if (lossMap is not null)
        {
            lgd = p.Probability(lossMap.Required("lgd"), "expected_loss.lgd");
            lossMap.RejectUnknownKeys();
        }

        var classification = ReadClassification(p, p.Map(root.Required("classification"), "classification"));
        root.RejectUnknownKeys();

        if (p.Errors.Count > 0 || version is null || currency is null || rating is null || scale is null
            || scorecard is null || grades is null || limits is null || orderCheck is null || warnings is null
            || matrix is null || intervals is null || dunning is null || lgd is null || classification is null)
        {
            return null;
        }

        var fingerprint = CanonicalText.Fingerprint(rootNode);
        return new CreditPolicy
        {
            Version = $"{version.Trim()}+{fingerprint}",
            DeclaredVersion = version.Trim(),
            Fingerprint = fingerprint,
            SourceName = sourceName,
            Currency = currency,
            Rating = rating,
            ScoreScale = scale,
            Scorecard = scorecard,
            Grades = grades,
            Limits = limits,
            OrderCheck = orderCheck,
            Warnings = warnings,
            RiskMatrix = matrix,
            ReviewIntervalMonths = intervals,
            DunningBands = dunning,
            Lgd = lgd.Value,
            Classification = classification,
        };
    }

    private static RatingRules? ReadRating(PolicyParser p, YamlMap? map)
    {
        if (map is null)
        {
            return null;
        }

        var collection = p.Map(map.Required("collection"), "rating.collection");
        decimal? ca = null, cb = null, cc = null;
        if (collection is not null)
        {
            ca = p.Decimal(collection.Required("a_at_least"), "rating.collection.a_at_least", 0m, minExclusive: true);
            cb = p.Decimal(collection.Required("b_at_least"), "rating.collection.b_at_least", 0m, minExclusive: true);
            cc = p.Decimal(collection.Required("c_at_least"), "rating.collection.c_at_least", 0m, minExclusive: true);
            Descending(p, collection, "b_at_least", cb, "a_at_least", ca);
            Descending(p, collection, "c_at_least", cc, "b_at_least", cb);
            collection.RejectUnknownKeys();
        }

        var timeliness = p.Map(map.Required("timeliness"), "rating.timeliness");
        int? ta = null, tb = null, tc = null;
        if (timeliness is not null)
        {
            ta = p.Integer(timeliness.Required("a_at_most_days"), "rating.timeliness.a_at_most_days", 0);
            tb = p.Integer(timeliness.Required("b_at_most_days"), "rating.timeliness.b_at_most_days", 0);
            tc = p.Integer(timeliness.Required("c_at_most_days"), "rating.timeliness.c_at_most_days", 0);
            Ascending(p, timeliness, "a_at_most_days", ta, "b_at_most_days", tb);
            Ascending(p, timeliness, "b_at_most_days", tb, "c_at_most_days", tc);
            timeliness.RejectUnknownKeys();
        }

        var focusMap = p.Map(map.Required("focus"), "rating.focus");
        Dictionary<ProductFocus, Grade>? focus = null;
        if (focusMap is not null)
        {
            focus = [];
            foreach (var (code, value) in PolicyCodes.ProductFocuses)
            {
                var grade = p.Grade(focusMap.Required(code), $"rating.focus.{code}");
                if (grade == Grade.N)
                {
                    p.Error(focusMap.ValueNode(code), $"'rating.focus.{code}' must be A, B, C or D; N is not a component grade");
                }
                else if (grade is { } g)
                {
                    focus[value] = g;
                }
            }

            focusMap.RejectUnknownKeys();
        }

        var combine = p.Map(map.Required("combine"), "rating.combine");
        MeanThreshold? aMean = null, bMean = null;
        if (combine is not null)
        {
            aMean = p.Fraction(combine.Required("a_mean_at_least"), "rating.combine.a_mean_at_least");
            bMean = p.Fraction(combine.Required("b_mean_at_least"), "rating.combine.b_mean_at_least");
            if (aMean is { } a && (a.Value < 1m || a.Value > 3m))
            {
                p.Error(combine.ValueNode("a_mean_at_least"), $"'rating.combine.a_mean_at_least' must be between 1 and 3 (C=1, A=3), found {a}");
            }

            if (bMean is { } b && (b.Value < 1m || b.Value > 3m))
            {
                p.Error(combine.ValueNode("b_mean_at_least"), $"'rating.combine.b_mean_at_least' must be between 1 and 3 (C=1, A=3), found {b}");
            }

            if (aMean is { } a2 && bMean is { } b2 && (decimal)b2.Numerator * a2.Denominator >= (decimal)a2.Numerator * b2.Denominator)
            {
                p.Error(combine.ValueNode("b_mean_at_least"), $"thresholds out of order: 'rating.combine.b_mean_at_least' ({b2}) must be below a_mean_at_least ({a2})");
            }

            combine.RejectUnknownKeys();
        }

        var expert = p.Map(map.Required("expert_effect"), "rating.expert_effect");
        ExpertEffect? effect = null;
        if (expert is not null)
        {
            var mode = p.Code(expert.Required("mode"), "rating.expert_effect.mode", PolicyCodes.ExpertEffectModes, "expert effect");
            var up = p.Decimal(expert.Required("step_up_at_or_above"), "rating.expert_effect.step_up_at_or_above", 1m, 5m);
            var down = p.Decimal(expert.Required("step_down_at_or_below"), "rating.expert_effect.step_down_at_or_below", 1m, 5m);
            if (up is { } u && down is { } d && d >= u)
            {
                p.Error(expert.ValueNode("step_down_at_or_below"), $"thresholds overlap: 'rating.expert_effect.step_down_at_or_below' ({d}) must be below step_up_at_or_above ({u})");
            }

            expert.RejectUnknownKeys();
            if (mode is not null && up is not null && down is not null)
            {
                effect = new ExpertEffect { Mode = mode.Value, StepUpAtOrAbove = up.Value, StepDownAtOrBelow = down.Value };
            }
        }

        map.RejectUnknownKeys();
        if (ca is null || cb is null || cc is null || ta is null || tb is null || tc is null || focus is null
            || focus.Count != 4 || aMean is null || bMean is null || effect is null)
        {
            return null;
        }

        return new RatingRules
        {
            CollectionAAtLeast = ca.Value,
            CollectionBAtLeast = cb.Value,
            CollectionCAtLeast = cc.Value,
            TimelinessAAtMostDays = ta.Value,
            TimelinessBAtMostDays = tb.Value,
            TimelinessCAtMostDays = tc.Value,
            FocusGrades = focus,
            AMeanAtLeast = aMean.Value,
            BMeanAtLeast = bMean.Value,
            ExpertEffect = effect,
        };
    }

    private static ScoreScale? ReadScale(PolicyParser p, YamlMap? map)
    {
        if (map is null)
        {
            return null;
        }

        var baseScore = p.Decimal(map.Required("base_score"), "score_scale.base_score");
        var odds = p.Decimal(map.Required("base_odds"), "score_scale.base_odds", 0m, minExclusive: true);
        var pdo = p.Decimal(map.Required("pdo"), "score_scale.pdo", 0m, minExclusive: true);
        var min = p.Decimal(map.Required("min_score"), "score_scale.min_score");
        var max = p.Decimal(map.Required("max_score"), "score_scale.max_score");
        if (min is { } lo && max is { } hi && lo >= hi)
        {
            p.Error(map.ValueNode("max_score"), $"thresholds out of order: 'score_scale.max_score' ({hi}) must be above min_score ({lo})");
        }

        map.RejectUnknownKeys();
        if (baseScore is null || odds is null || pdo is null || min is null || max is null)
        {
            return null;
        }

        return new ScoreScale { BaseScore = baseScore.Value, BaseOdds = odds.Value, Pdo = pdo.Value, MinScore = min.Value, MaxScore = max.Value };
    }

    private static ExpertScorecard? ReadScorecard(PolicyParser p, YamlMap? map)
    {
        if (map is null)
        {
            return null;
        }

        var basePoints = p.Decimal(map.Required("base_points"), "expert_scorecard.base_points");
        var factorNodes = p.Sequence(map.Required("factors"), "expert_scorecard.factors");
        map.RejectUnknownKeys();
        if (factorNodes is null)
        {
            return null;
        }

        var factors = new List<ScorecardFactor>();
        var seen = new HashSet<ScoreMetric>();
        for (var i = 0; i < factorNodes.Count; i++)
        {
            var path = $"expert_scorecard.factors[{i}]";
            var factor = p.Map(factorNodes[i], path);
            if (factor is null)
            {
                continue;
            }

            var metric = p.Code(factor.Required("metric"), $"{path}.metric", PolicyCodes.ScoreMetrics, "scorecard metric");
            if (metric is { } m && !seen.Add(m))
            {
                p.Error(factor.ValueNode("metric"), $"'{path}.metric': the metric {m.ToCode()} already has a factor");
            }

            var label = p.Text(factor.Optional("label"), $"{path}.label");
            var missing = p.Decimal(factor.Required("missing"), $"{path}.missing");
            var bands = ReadBands(p, p.Sequence(factor.Required("bands"), $"{path}.bands"), $"{path}.bands", factor);
            factor.RejectUnknownKeys();
            if (metric is not null && missing is not null && bands is not null)
            {
                factors.Add(new ScorecardFactor { Metric = metric.Value, Label = label ?? metric.Value.ToCode().Replace('_', ' '), MissingPoints = missing.Value, Bands = bands });
            }
        }

        if (factorNodes.Count == 0)
        {
            p.Error(map.ValueNode("factors"), "'expert_scorecard.factors' needs at least one factor");
        }

        return basePoints is null ? null : new ExpertScorecard { BasePoints = basePoints.Value, Factors = factors };
    }

    private static List<ScoreBand>? ReadBands(PolicyParser p, IReadOnlyList<YamlNode>? nodes, string path, YamlMap owner)
    {
        if (nodes is null)
        {
            return null;
        }

        if (nodes.Count == 0)
        {
            p.Error(owner.ValueNode("bands"), $"'{path}' needs at least one band");
            return null;
        }

        var bands = new List<ScoreBand>();
        decimal? previous = null;
        for (var i = 0; i < nodes.Count; i++)
        {
            var bandPath = $"{path}[{i}]";
            var band = p.Map(nodes[i], bandPath);
            if (band is null)
            {
                continue;
            }

            var belowNode = band.Optional("below");
            var below = p.Decimal(belowNode, $"{bandPath}.below");
            var points = p.Decimal(band.Required("points"), $"{bandPath}.points");
            var label = p.Text(band.Optional("label"), $"{bandPath}.label");
            band.RejectUnknownKeys();
            var last = i == nodes.Count - 1;
            if (last && belowNode is not null)
            {
                p.Error(belowNode, $"'{bandPath}': the last band is open-ended and takes no 'below'");
            }
            else if (!last && belowNode is null)
            {
                p.Error(band.Node, $"'{bandPath}' needs 'below'; only the last band is open-ended");
            }

            if (below is { } b && previous is { } prev && b <= prev)
            {
                p.Error(belowNode!, $"bands out of order or overlapping: '{bandPath}.below' ({b}) must be above the previous band's ({prev})");
            }

            if (points is not null)
            {
                var text = label ?? (below, previous) switch
                {
                    ({ } upper, { } lower) => $"{lower} to below {upper}",
                    ({ } upper, null) => $"below {upper}",
                    (null, { } lower) => $"{lower} or more",
                    _ => "any value",
                };
                bands.Add(new ScoreBand { Below = last ? null : below, Points = points.Value, Label = text });
            }

            if (below is not null)
            {
                previous = below;
            }
        }

        return bands.Count == nodes.Count ? bands : null;
    }

    private static Dictionary<Grade, GradeTerms>? ReadGrades(PolicyParser p, YamlMap? map)
    {
        if (map is null)
        {
            return null;
        }

        var grades = new Dictionary<Grade, GradeTerms>();
        foreach (var grade in s_allGrades)
        {
            var path = $"grades.{grade}";
            var row = p.Map(map.Required(grade.ToString()), path);
            if (row is null)
            {
                continue;
            }

            var terms = p.Integer(row.Required("terms_days"), $"{path}.terms_days", 0, 3650);
            var factor = p.Decimal(row.Required("limit_factor"), $"{path}.limit_factor", 0m);
            var prepayment = p.Probability(row.Required("prepayment_share"), $"{path}.prepayment_share");
            var hold = p.Boolean(row.Required("hold_orders"), $"{path}.hold_orders");
            var requirement = p.Text(row.Required("requirement"), $"{path}.requirement");
            row.RejectUnknownKeys();
            if (terms is not null && factor is not null && prepayment is not null && hold is not null && requirement is not null)
            {
                grades[grade] = new GradeTerms
                {
                    TermsDays = terms.Value,
                    LimitFactor = factor.Value,
                    PrepaymentShare = prepayment.Value,
                    HoldOrders = hold.Value,
                    Requirement = requirement,
                };
            }
        }

        map.RejectUnknownKeys();
        return grades.Count == s_allGrades.Length ? grades : null;
    }

    private static LimitRules? ReadLimits(PolicyParser p, YamlMap? map)
    {
        if (map is null)
        {
            return null;
        }

        var starter = p.Decimal(map.Required("starter_limit"), "limits.starter_limit", 0m);
        var step = p.Decimal(map.Required("rounding_step"), "limits.rounding_step", 0m, minExclusive: true);
        var cap = p.Probability(map.Required("revenue_cap_share"), "limits.revenue_cap_share");
        if (cap == 0m)
        {
            p.Error(map.ValueNode("revenue_cap_share"), "'limits.revenue_cap_share' must be greater than 0");
        }

        map.RejectUnknownKeys();
        if (starter is null || step is null || cap is null)
        {
            return null;
        }

        return new LimitRules { StarterLimit = starter.Value, RoundingStep = step.Value, RevenueCapShare = cap.Value };
    }

    private static OrderCheckRules? ReadOrderCheck(PolicyParser p, YamlMap? map)
    {
        if (map is null)
        {
            return null;
        }

        var block = p.Grades(map.Required("block_grades"), "order_check.block_grades");
        var dpd = p.Integer(map.Required("block_days_past_due_above"), "order_check.block_days_past_due_above", 0);
        var tolerance = p.Decimal(map.Required("over_limit_tolerance"), "order_check.over_limit_tolerance", 0m, 10m);
        var review = p.Grades(map.Required("review_grades"), "order_check.review_grades");
        var withoutLimit = p.Boolean(map.Required("review_without_limit"), "order_check.review_without_limit");
        if (block is not null && review is not null && block.Overlaps(review))
        {
            p.Error(map.ValueNode("review_grades"), $"'order_check.review_grades' overlaps block_grades: {string.Join(", ", review.Intersect(block))}");
        }

        map.RejectUnknownKeys();
        if (block is null || dpd is null || tolerance is null || review is null || withoutLimit is null)
        {
            return null;
        }

        return new OrderCheckRules
        {
            BlockGrades = block,
            BlockDaysPastDueAbove = dpd.Value,
            OverLimitTolerance = tolerance.Value,
            ReviewGrades = review,
            ReviewWithoutLimit = withoutLimit.Value,
        };
    }

    private static List<WarningRule>? ReadWarnings(PolicyParser p, IReadOnlyList<YamlNode>? nodes)
    {
        if (nodes is null)
        {
            return null;
        }

        var rules = new List<WarningRule>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < nodes.Count; i++)
        {
            var path = $"warnings[{i}]";
            var rule = p.Map(nodes[i], path);
            if (rule is null)
            {
                continue;
            }

            var id = p.Text(rule.Required("id"), $"{path}.id");
            if (id is not null && !ids.Add(id))
            {
                p.Error(rule.ValueNode("id"), $"'{path}.id': the rule id '{id}' is used twice");
            }

            var metric = p.Code(rule.Required("metric"), $"{path}.metric", PolicyCodes.WarningMetrics, "warning metric");
            var comparison = p.Code(rule.Required("comparison"), $"{path}.comparison", PolicyCodes.Comparisons, "comparison");
            var thresholdNode = rule.Optional("threshold");
            decimal? threshold = metric is WarningMetric.OverdueShare or WarningMetric.RevenueShare
                ? p.Probability(thresholdNode, $"{path}.threshold")
                : p.Decimal(thresholdNode, $"{path}.threshold");
            rule.RejectUnknownKeys();
            if (comparison == Comparison.IsTrue && thresholdNode is not null)
            {
                p.Error(thresholdNode, $"'{path}': is_true takes no threshold");
            }
            else if (comparison is not null && comparison != Comparison.IsTrue && thresholdNode is null)
            {
                p.Error(rule.Node, $"'{path}' needs a threshold for comparison {comparison.Value.ToCode()}");
            }

            if (metric == WarningMetric.Dormant && comparison is not null && comparison != Comparison.IsTrue)
            {
                p.Error(rule.ValueNode("comparison"), $"'{path}': dormant is yes or no and takes only is_true");
            }
            else if (metric is not null && metric != WarningMetric.Dormant && comparison == Comparison.IsTrue)
            {
                p.Error(rule.ValueNode("comparison"), $"'{path}': is_true applies only to dormant");
            }

            if (id is not null && metric is not null && comparison is not null)
            {
                rules.Add(new WarningRule { Id = id, Metric = metric.Value, Comparison = comparison.Value, Threshold = threshold });
            }
        }

        return rules;
    }

    private static RiskMatrixRules? ReadRiskMatrix(PolicyParser p, YamlMap? map)
    {
        if (map is null)
        {
            return null;
        }

        var (pMedium, pHigh) = ReadAxis(p, p.Map(map.Required("probability"), "risk_matrix.probability"));
        var (iMedium, iHigh) = ReadAxis(p, p.Map(map.Required("impact"), "risk_matrix.impact"));
        var table = p.Map(map.Required("severity"), "risk_matrix.severity");
        var cells = new Severity?[9];
        if (table is not null)
        {
            string[] levels = ["low", "medium", "high"];
            for (var row = 0; row < 3; row++)
            {
                var rowPath = $"risk_matrix.severity.{levels[row]}";
                var rowMap = p.Map(table.Required(levels[row]), rowPath);
                if (rowMap is null)
                {
                    continue;
                }

                for (var column = 0; column < 3; column++)
                {
                    cells[(row * 3) + column] = p.Code(rowMap.Required(levels[column]), $"{rowPath}.{levels[column]}", PolicyCodes.Severities, "severity");
                }

                rowMap.RejectUnknownKeys();
            }

            table.RejectUnknownKeys();
        }

        map.RejectUnknownKeys();
        if (pMedium is null || pHigh is null || iMedium is null || iHigh is null || cells.Any(c => c is null))
        {
            return null;
        }

        return new RiskMatrixRules
        {
            ProbabilityMediumFrom = pMedium.Value,
            ProbabilityHighAbove = pHigh.Value,
            ImpactMediumFrom = iMedium.Value,
            ImpactHighAbove = iHigh.Value,
            Cells = cells.Select(c => c!.Value).ToArray(),
        };
    }

    private static (decimal? Medium, decimal? High) ReadAxis(PolicyParser p, YamlMap? map)
    {
        if (map is null)
        {
            return (null, null);
        }

        var medium = p.Probability(map.Required("medium_from"), $"{map.Path}.medium_from");
        var high = p.Probability(map.Required("high_above"), $"{map.Path}.high_above");
        if (medium is { } m && high is { } h && m >= h)
        {
            p.Error(map.ValueNode("high_above"), $"thresholds out of order: '{map.Path}.high_above' ({h}) must be above medium_from ({m})");
        }

        map.RejectUnknownKeys();
        return (medium, high);
    }

    private static Dictionary<Grade, int>? ReadIntervals(PolicyParser p, YamlMap? map)
    {
        if (map is null)
        {
            return null;
        }

        var intervals = new Dictionary<Grade, int>();
        foreach (var grade in s_allGrades)
        {
            if (p.Integer(map.Required(grade.ToString()), $"review_interval_months.{grade}", 1, 120) is { } months)
            {
                intervals[grade] = months;
            }
        }

        map.RejectUnknownKeys();
        return intervals.Count == s_allGrades.Length ? intervals : null;
    }

    private static List<DunningBand>? ReadDunning(PolicyParser p, IReadOnlyList<YamlNode>? nodes)
    {
        if (nodes is null)
        {
            return null;
        }

        var bands = new List<DunningBand>();
        int? expectedFrom = 1;
        var levels = new HashSet<DunningLevel>();
        for (var i = 0; i < nodes.Count; i++)
        {
            var path = $"dunning[{i}]";
            var band = p.Map(nodes[i], path);
            if (band is null)
            {
                continue;
            }

            var level = p.Code(band.Required("level"), $"{path}.level", PolicyCodes.DunningLevels, "dunning level");
            if (level is { } l && !levels.Add(l))
            {
                p.Error(band.ValueNode("level"), $"'{path}': level {l} appears twice");
            }
            else if (level is { } l2 && bands.Count > 0 && l2 <= bands[^1].Level)
            {
                p.Error(band.ValueNode("level"), $"'{path}': levels must rise in order, {l2} comes after {bands[^1].Level}");
            }

            var fromNode = band.Required("from_days");
            var from = p.Integer(fromNode, $"{path}.from_days", 1);
            var toNode = band.Optional("to_days");
            var to = p.Integer(toNode, $"{path}.to_days", 1);
            var action = p.Text(band.Required("action"), $"{path}.action");
            band.RejectUnknownKeys();
            var last = i == nodes.Count - 1;
            if (from is { } f && expectedFrom is { } e && f != e)
            {
                var what = f < e ? "overlaps the previous level" : "leaves a gap after the previous level";
                p.Error(fromNode!, $"'{path}.from_days' ({f}) {what}; it must be {e}");
            }

            if (from is { } f2 && to is { } t && t < f2)
            {
                p.Error(toNode!, $"thresholds out of order: '{path}.to_days' ({t}) is before from_days ({f2})");
            }

            if (last && toNode is not null)
            {
                p.Error(toNode, $"'{path}': the last level is open-ended and takes no 'to_days'");
            }
            else if (!last && toNode is null)
            {
                p.Error(band.Node, $"'{path}' needs 'to_days'; only the last level is open-ended");
            }

            expectedFrom = to + 1;
            if (level is not null && from is not null && action is not null)
            {
                bands.Add(new DunningBand { Level = level.Value, FromDays = from.Value, ToDays = last ? null : to, Action = action });
            }
        }

        if (nodes.Count == 0)
        {
            return null;
        }

        return bands.Count == nodes.Count ? bands : null;
    }

    private static ClassificationRules? ReadClassification(PolicyParser p, YamlMap? map)
    {
        if (map is null)
        {
            return null;
        }

        var risk = p.Map(map.Required("high_risk"), "classification.high_risk");
        IReadOnlySet<Grade>? riskGrades = null;
        decimal? pdAbove = null;
        if (risk is not null)
        {
            riskGrades = p.Grades(risk.Required("grades"), "classification.high_risk.grades");
            pdAbove = p.Probability(risk.Required("pd_above"), "classification.high_risk.pd_above");
            risk.RejectUnknownKeys();
        }

        var value = p.Map(map.Required("value"), "classification.value");
        decimal? high = null, medium = null;
        if (value is not null)
        {
            high = p.Probability(value.Required("high_from_revenue_share"), "classification.value.high_from_revenue_share");
            medium = p.Probability(value.Required("medium_from_revenue_share"), "classification.value.medium_from_revenue_share");
            if (high is { } h && medium is { } m && m >= h)
            {
                p.Error(value.ValueNode("medium_from_revenue_share"), $"thresholds out of order: 'classification.value.medium_from_revenue_share' ({m}) must be below high_from_revenue_share ({h})");
            }

            value.RejectUnknownKeys();
        }

        var loyalty = p.Map(map.Required("loyalty"), "classification.loyalty");
        int? months = null;
        HashSet<ProductFocus>? focus = null;
        decimal? frequency = null;
        bool? dormant = null;
        if (loyalty is not null)
        {
            months = p.Integer(loyalty.Required("min_history_months"), "classification.loyalty.min_history_months", 0);
            var focusNodes = p.Sequence(loyalty.Required("focus"), "classification.loyalty.focus");
            if (focusNodes is not null)
            {
                focus = [];
                foreach (var node in focusNodes)
                {
                    if (p.Code(node, "classification.loyalty.focus", PolicyCodes.ProductFocuses, "product focus") is { } f)
                    {
                        focus.Add(f);
                    }
                }
            }

            frequency = p.Decimal(loyalty.Required("frequency_change_at_least"), "classification.loyalty.frequency_change_at_least", -1m);
            dormant = p.Boolean(loyalty.Required("dormant_is_disloyal"), "classification.loyalty.dormant_is_disloyal");
            loyalty.RejectUnknownKeys();
        }

        var grid = p.Map(map.Required("grid"), "classification.grid");
        var cells = new Dictionary<(ValueLevel, bool), string>();
        if (grid is not null)
        {
            foreach (var (code, level) in new[] { ("high", ValueLevel.High), ("medium", ValueLevel.Medium), ("low", ValueLevel.Low) })
            {
                var row = p.Map(grid.Required(code), $"classification.grid.{code}");
                if (row is null)
                {
                    continue;
                }

                if (p.Text(row.Required("loyal"), $"classification.grid.{code}.loyal") is { } loyal)
                {
                    cells[(level, true)] = loyal;
                }

                if (p.Text(row.Required("disloyal"), $"classification.grid.{code}.disloyal") is { } disloyal)
                {
                    cells[(level, false)] = disloyal;
                }

                row.RejectUnknownKeys();
            }

            grid.RejectUnknownKeys();
        }

        map.RejectUnknownKeys();
        if (riskGrades is null || pdAbove is null || high is null || medium is null || months is null || focus is null
            || frequency is null || dormant is null || cells.Count != 6)
        {
            return null;
        }

        return new ClassificationRules
        {
            HighRiskGrades = riskGrades,
            HighRiskPdAbove = pdAbove.Value,
            HighValueFromRevenueShare = high.Value,
            MediumValueFromRevenueShare = medium.Value,
            LoyalMinHistoryMonths = months.Value,
            LoyalFocus = focus,
            LoyalFrequencyChangeAtLeast = frequency.Value,
            DormantIsDisloyal = dormant.Value,
            Grid = cells,
        };
    }

    private static void Descending(PolicyParser p, YamlMap map, string lowerKey, decimal? lower, string upperKey, decimal? upper)
    {
        if (lower is { } l && upper is { } u && l >= u)
        {
            p.Error(map.ValueNode(lowerKey), $"thresholds out of order or overlapping: '{map.Qualified(lowerKey)}' ({l}) must be below {upperKey} ({u})");
        }
    }

    private static void Ascending(PolicyParser p, YamlMap map, string lowerKey, int? lower, string upperKey, int? upper)
    {
        if (lower is { } l && upper is { } u && l >= u)
        {
            p.Error(map.ValueNode(upperKey), $"thresholds out of order or overlapping: '{map.Qualified(upperKey)}' ({u}) must be above {lowerKey} ({l})");
        }
    }
}
