using System.Collections.Concurrent;
using SC2Mid.Core.Extraction;
using SC2Mid.Core.Imaging;
using SC2Mid.Core.Plugins;
using SC2Mid.Sdk;

namespace SC2Mid.Core.Conformance;

/// <summary>
/// Checks that a loaded plugin keeps the <see cref="IFeaturePlugin"/> contract: its manifest is valid, it returns
/// exactly the declared features, its results are deterministic and the same from several threads, degenerate
/// objects give values or nulls with reasons instead of exceptions, and features declared
/// <c>rotationInvariant</c> keep their value under a 90-degree rotation.
/// </summary>
/// <remarks>
/// Every check runs the plugin with its default parameters, without an artifact sink and without figures.
/// The suite catches every exception a plugin throws and reports it as a failed check.
/// </remarks>
public sealed class ConformanceSuite
{
    /// <summary>
    /// Relative tolerance of the rotation check. A quarter turn moves pixels without interpolation, so only the
    /// order of floating-point sums changes. Moment invariants such as Hu's seventh subtract nearly equal terms,
    /// which magnifies that rounding; the bundled shape and Hu plugins stay well below this limit.
    /// </summary>
    public const double RotationRelativeTolerance = 1e-6;

    /// <summary>Absolute tolerance of the rotation check, for values that are zero up to rounding.</summary>
    public const double RotationAbsoluteTolerance = 1e-12;

    private const int MaxProblemsShown = 5;

    private static readonly IReadOnlyDictionary<string, string> NoOverrides = new Dictionary<string, string>();

    private readonly ConformanceOptions _options;

    /// <summary>Creates a suite that uses the real sample named in <paramref name="options"/>, if any.</summary>
    public ConformanceSuite(ConformanceOptions? options = null)
    {
        _options = options ?? new ConformanceOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.Threads, 2, nameof(options));
        if (!(_options.CallTimeoutSeconds > 0) || !double.IsFinite(_options.CallTimeoutSeconds))
        {
            throw new ArgumentOutOfRangeException(
                nameof(options), _options.CallTimeoutSeconds, "CallTimeoutSeconds must be a positive number.");
        }
    }

    /// <summary>Runs every check on one plugin folder of a catalog.</summary>
    /// <param name="entry">A catalog entry; a plugin that did not load fails the manifest check and no other.</param>
    /// <param name="cancellationToken">Stops the run between extractions.</param>
    public ConformanceReport Run(PluginEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var checks = new List<ConformanceCheck>();
        if (entry.Status != PluginStatus.Loaded)
        {
            checks.Add(ConformanceCheck.Fail("manifest", entry.Errors));
            return new ConformanceReport(entry.Id, entry.Directory, checks);
        }

        var manifest = entry.Manifest!;
        checks.Add(ConformanceCheck.Pass(
            "manifest",
            $"{entry.ManifestPath} matches the schema; host API range [{manifest.HostApi.Minimum}, "
            + $"{manifest.HostApi.MaximumExclusive}) contains {HostApi.Version}; {entry.Instance!.GetType().FullName} "
            + "loaded and initialized."));

        BoundPlugin bound;
        try
        {
            bound = BoundPlugin.Bind(entry, NoOverrides);
        }
        catch (Exception exception) when (exception is FormatException or InvalidOperationException)
        {
            checks.Add(ConformanceCheck.Fail("parameters", [exception.Message]));
            return new ConformanceReport(entry.Id, entry.Directory, checks);
        }

        checks.Add(CheckUnits(bound));
        var samples = LoadSamples(checks);
        var runner = new Runner(bound, TimeSpan.FromSeconds(_options.CallTimeoutSeconds), cancellationToken);
        try
        {
            checks.Add(CheckDeclared(runner, samples));
            checks.Add(CheckDeterministic(runner, samples));
            checks.Add(CheckThreadSafe(runner, samples, _options.Threads));
            foreach (var create in SyntheticSamples.Degenerate)
            {
                var degenerate = create();
                checks.Add(CheckDegenerate(runner, degenerate));
                runner.Release(degenerate);
            }

            checks.Add(CheckRotation(runner, samples));
        }
        finally
        {
            foreach (var sample in samples)
            {
                runner.Release(sample);
            }
        }

        return new ConformanceReport(entry.Id, entry.Directory, checks);
    }

    private static ConformanceCheck CheckUnits(BoundPlugin bound)
    {
        var units = bound.Features
            .GroupBy(feature => feature.PixelUnit, StringComparer.Ordinal)
            .Select(group => $"{group.Count()} in {group.Key}");
        return ConformanceCheck.Pass(
            "features.units",
            $"{Count(bound.Features.Count, "feature")} with default parameters, each with a unit: "
            + $"{string.Join(", ", units)}.");
    }

    private List<ConformanceSample> LoadSamples(List<ConformanceCheck> checks)
    {
        var samples = new List<ConformanceSample>();
        if (_options.ImagePath is not { } imagePath || _options.MaskPath is not { } maskPath)
        {
            checks.Add(ConformanceCheck.Skip(
                "sample.micrograph",
                $"no micrograph given and {ConformanceOptions.SampleImage} not found; only synthetic samples are used "
                + "(pass --image and --mask)."));
        }
        else
        {
            try
            {
                samples.Add(LoadMicrograph(imagePath, maskPath));
                checks.Add(ConformanceCheck.Pass("sample.micrograph", $"{imagePath} with mask {maskPath}."));
            }
            catch (ImageLoadException exception)
            {
                checks.Add(ConformanceCheck.Fail("sample.micrograph", [exception.Message]));
            }
        }

        samples.Add(SyntheticSamples.Ellipse());
        return samples;
    }

    private static ConformanceSample LoadMicrograph(string imagePath, string maskPath)
    {
        var loader = new ImageLoader(new ImageLoadOptions());
        using var image = loader.LoadImage(imagePath);
        using var mask = loader.LoadMask(maskPath, image.Grey.Size());
        return new ConformanceSample(
            Path.GetFileName(imagePath), image.Grey.Clone(), image.Original.Clone(), image.BitDepth, mask.Mask.Clone());
    }

    private static ConformanceCheck CheckDeclared(Runner runner, IReadOnlyList<ConformanceSample> samples)
    {
        const string Name = "features.declared";
        var problems = new List<string>();
        foreach (var sample in samples)
        {
            var attempt = runner.Extract(sample);
            if (attempt.Error is { } error)
            {
                problems.Add(error);
                continue;
            }

            problems.AddRange(FeatureComparison.DeclarationProblems(runner.Features, attempt.Set!)
                .Select(problem => $"{sample.Name}: {problem}"));
        }

        return problems.Count > 0
            ? ConformanceCheck.Fail(Name, Shorten(problems))
            : ConformanceCheck.Pass(
                Name,
                $"returned exactly the {Count(runner.Features.Count, "declared feature")} on "
                + $"{DescribeSamples(samples)}.");
    }

    private static ConformanceCheck CheckDeterministic(Runner runner, IReadOnlyList<ConformanceSample> samples)
    {
        const string Name = "deterministic";
        var problems = new List<string>();
        foreach (var sample in samples)
        {
            var first = runner.Extract(sample);
            var second = runner.Extract(sample);
            if ((first.Error ?? second.Error) is { } error)
            {
                problems.Add(error);
                continue;
            }

            problems.AddRange(FeatureComparison.Differences(first.Set!, second.Set!, runner.Names, 0, 0)
                .Select(problem => $"{sample.Name}: {problem} on a second call"));
        }

        return problems.Count > 0
            ? ConformanceCheck.Fail(Name, Shorten(problems))
            : ConformanceCheck.Pass(Name, $"two calls gave identical values on {DescribeSamples(samples)}.");
    }

    private static ConformanceCheck CheckThreadSafe(Runner runner, List<ConformanceSample> samples, int threads)
    {
        const string Name = "thread-safe";
        var references = samples.Select(runner.Extract).ToArray();
        if (references.FirstOrDefault(attempt => attempt.Error is not null) is { Error: { } error })
        {
            return ConformanceCheck.Fail(Name, [error]);
        }

        // Each sample is extracted by every thread, so calls on the same sample and on different samples overlap.
        var calls = threads * samples.Count;
        var problems = new ConcurrentQueue<string>();
        Parallel.For(0, calls, new ParallelOptions { MaxDegreeOfParallelism = threads }, call =>
        {
            var index = call % samples.Count;
            var attempt = runner.Extract(samples[index]);
            if (attempt.Error is { } callError)
            {
                problems.Enqueue(callError);
                return;
            }

            foreach (var problem in FeatureComparison.Differences(
                references[index].Set!, attempt.Set!, runner.Names, 0, 0))
            {
                problems.Enqueue($"{samples[index].Name}: {problem} in a concurrent call");
            }
        });

        return problems.IsEmpty
            ? ConformanceCheck.Pass(
                Name,
                $"{calls} calls on {threads} threads matched the single-threaded values on {DescribeSamples(samples)}.")
            : ConformanceCheck.Fail(Name, Shorten(problems.Distinct(StringComparer.Ordinal).ToList()));
    }

    private static ConformanceCheck CheckDegenerate(Runner runner, ConformanceSample sample)
    {
        var name = "degenerate." + sample.Name;
        var attempt = runner.Extract(sample);
        if (attempt.Error is { } error)
        {
            var advice = attempt.Threw ? " Return FeatureValue.Null with a reason instead." : string.Empty;
            return ConformanceCheck.Fail(name, [error + advice]);
        }

        var problems = FeatureComparison.DeclarationProblems(runner.Features, attempt.Set!);
        if (problems.Count > 0)
        {
            return ConformanceCheck.Fail(name, Shorten(problems));
        }

        var nulls = attempt.Set!.Values.Count(value => value.Value is null);
        return ConformanceCheck.Pass(
            name,
            $"no exception; {Count(attempt.Set.Values.Count - nulls, "value")} and "
            + $"{Count(nulls, "null")} with reasons.");
    }

    private static ConformanceCheck CheckRotation(Runner runner, IReadOnlyList<ConformanceSample> samples)
    {
        const string Name = "rotation-invariant";
        var invariant = runner.Features.Where(feature => feature.RotationInvariant).Select(f => f.Name).ToArray();
        if (invariant.Length == 0)
        {
            return ConformanceCheck.Skip(Name, "no feature in plugin.json sets \"rotationInvariant\": true.");
        }

        var problems = new List<string>();
        foreach (var sample in samples)
        {
            var rotated = sample.RotateClockwise();
            var before = runner.Extract(sample);
            var after = runner.Extract(rotated);
            runner.Release(rotated);
            if ((before.Error ?? after.Error) is { } error)
            {
                problems.Add(error);
                continue;
            }

            problems.AddRange(FeatureComparison.Differences(
                    before.Set!, after.Set!, invariant, RotationRelativeTolerance, RotationAbsoluteTolerance)
                .Select(problem => $"{sample.Name}: {problem} after a 90-degree rotation"));
        }

        return problems.Count > 0
            ? ConformanceCheck.Fail(Name, Shorten(problems))
            : ConformanceCheck.Pass(
                Name,
                $"{Count(invariant.Length, "feature")} declared rotation-invariant kept their values under a 90-degree "
                + $"rotation of {DescribeSamples(samples)} (relative tolerance {RotationRelativeTolerance:0e0}).");
    }

    private static List<string> Shorten(List<string> problems) =>
        problems.Count <= MaxProblemsShown
            ? [.. problems]
            : [.. problems.Take(MaxProblemsShown), $"and {problems.Count - MaxProblemsShown} more"];

    private static string Count(int count, string noun) => $"{count} {noun}{(count == 1 ? string.Empty : "s")}";

    private static string DescribeSamples(IEnumerable<ConformanceSample> samples) =>
        string.Join(" and ", samples.Select(sample => sample.Name));

    /// <summary>
    /// Calls one bound plugin on a thread of its own, with a time limit, and turns an exception or a timeout into a
    /// report line.
    /// </summary>
    private sealed class Runner(BoundPlugin bound, TimeSpan timeout, CancellationToken cancellationToken)
    {
        private readonly ExtractionContext _context = new(bound.Parameters, null, false, cancellationToken);

        private int _timedOut;

        public IReadOnlyList<FeatureDescriptor> Features => bound.Features;

        public IEnumerable<string> Names => bound.Features.Select(feature => feature.Name);

        private bool TimedOut => Volatile.Read(ref _timedOut) == 1;

        public Attempt Extract(ConformanceSample sample)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (TimedOut)
            {
                return new Attempt(
                    null,
                    $"{sample.Name}: not run, because an earlier Extract call did not return within "
                    + $"{timeout.TotalSeconds:0.###} s.");
            }

            FeatureSet? set = null;
            Exception? fault = null;
            var thread = new Thread(() =>
            {
                try
                {
                    set = bound.Plugin.Instance!.Extract(sample.Sample, _context);
                }
                catch (Exception exception)
                {
                    // The suite exists to report plugin faults, so every exception becomes a failed check.
                    fault = exception;
                }
            })
            {
                IsBackground = true,
                Name = $"conformance {bound.Plugin.Id}",
            };
            thread.Start();
            if (!thread.Join(timeout))
            {
                Interlocked.Exchange(ref _timedOut, 1);
                return new Attempt(
                    null, $"{sample.Name}: Extract did not return within {timeout.TotalSeconds:0.###} s.");
            }

            if (fault is OperationCanceledException && cancellationToken.IsCancellationRequested)
            {
                throw new OperationCanceledException(cancellationToken);
            }

            if (fault is null)
            {
                return new Attempt(set, null);
            }

            var message = $"{sample.Name}: Extract threw {fault.GetType().Name}: {fault.Message}";
            return new Attempt(null, message, Threw: true);
        }

        /// <summary>
        /// Disposes a sample, unless a call timed out: that call may still read the sample's matrices, so they are
        /// left to the process exit instead of being freed under it.
        /// </summary>
        public void Release(ConformanceSample sample)
        {
            if (!TimedOut)
            {
                sample.Dispose();
            }
        }
    }

    /// <summary>The result of one <c>Extract</c> call: a feature set, or the error line and whether it threw.</summary>
    private sealed record Attempt(FeatureSet? Set, string? Error, bool Threw = false);
}
