using System.Globalization;
using System.Security.Cryptography;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using SC2Mid.Plugins.Deep.Onnx;

namespace SC2Mid.Plugins.Deep;

/// <summary>
/// One ONNX model opened for one tapped value: an <see cref="InferenceSession"/> whose graph outputs include that
/// value, the model's tappable values and the file's SHA-256.
/// </summary>
/// <remarks>
/// <see cref="Run"/> may be called from several threads at once, because <see cref="InferenceSession.Run(RunOptions,
/// IReadOnlyCollection{string}, IReadOnlyCollection{OrtValue}, IReadOnlyCollection{string})"/> is thread-safe.
/// </remarks>
internal sealed class DeepModel : IDisposable
{
    private readonly InferenceSession _session;
    private readonly Lock _channelLock = new();
    private readonly Dictionary<TensorLayout, int> _channels = [];

    private DeepModel(
        string path,
        string sha256,
        IReadOnlyList<TappableLayer> layers,
        TappableLayer tapped,
        string segment,
        InferenceSession session)
    {
        Path = path;
        Sha256 = sha256;
        Layers = layers;
        Tapped = tapped;
        Segment = segment;
        _session = session;
    }

    /// <summary>Path of the model file as given.</summary>
    public string Path { get; }

    /// <summary>SHA-256 of the model file, lower-case hexadecimal.</summary>
    public string Sha256 { get; }

    /// <summary>Every value of the graph that can be tapped, in graph order.</summary>
    public IReadOnlyList<TappableLayer> Layers { get; }

    /// <summary>The tapped value.</summary>
    public TappableLayer Tapped { get; }

    /// <summary>The tapped value's segment in feature names: <c>pool</c> for the model's first output.</summary>
    public string Segment { get; }

    /// <summary>Reads the tappable values of a model file without creating a session.</summary>
    /// <exception cref="ArgumentException">The file is missing or is not an ONNX model.</exception>
    public static IReadOnlyList<TappableLayer> ListLayers(string path) => LayerNames.List(ReadGraph(path, out _, out _));

    /// <summary>Opens a model and exposes the requested value as a graph output.</summary>
    /// <param name="path">The .onnx file.</param>
    /// <param name="layer">
    /// <c>pool</c> for the model's first graph output, or a value name or its feature-name segment (see
    /// <see cref="LayerNames"/>).
    /// </param>
    /// <param name="threads">ONNX Runtime's intra-op thread count for one run.</param>
    /// <exception cref="ArgumentException">The file is missing or invalid, or the graph has no such value.</exception>
    public static DeepModel Open(string path, string layer, int threads)
    {
        OnnxGraphInfo graph = ReadGraph(path, out byte[] bytes, out string sha256);
        IReadOnlyList<TappableLayer> layers = LayerNames.List(graph);
        (TappableLayer tapped, string segment) = Resolve(path, graph, layers, layer);
        if (!graph.Outputs.Any(output => output.Name == tapped.ValueName))
        {
            bytes = OnnxProtobuf.AppendGraphOutputs(bytes, [tapped.ValueName]);
        }

        using var options = new SessionOptions
        {
            IntraOpNumThreads = threads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };

        // The host runs several extractions in parallel; spinning idle pool threads would take cores from them.
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        InferenceSession session;
        try
        {
            session = new InferenceSession(bytes, options);
        }
        catch (OnnxRuntimeException exception)
        {
            throw new ArgumentException(
                $"ONNX Runtime could not load '{path}' with '{tapped.ValueName}' as an output: {exception.Message}",
                exception);
        }

        return new DeepModel(path, sha256, layers, tapped, segment, session);
    }

    /// <summary>
    /// Finds the image input that the preprocessing feeds and its layout, from the session's input metadata.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// The model's inputs do not fit the preprocessing; the message lists the inputs with their shapes.
    /// </exception>
    public ModelInput BindInput(Preprocessing preprocessing)
    {
        ArgumentNullException.ThrowIfNull(preprocessing);
        IReadOnlyDictionary<string, NodeMetadata> inputs = _session.InputMetadata;
        string name;
        if (preprocessing.InputName is not null)
        {
            name = inputs.ContainsKey(preprocessing.InputName)
                ? preprocessing.InputName
                : throw InputMismatch($"has no input named '{preprocessing.InputName}'");
        }
        else
        {
            name = inputs.Count == 1
                ? inputs.Keys.Single()
                : throw InputMismatch($"has {inputs.Count} inputs; name the image input in the preprocessing JSON");
        }

        NodeMetadata metadata = inputs[name];
        int[] dimensions = metadata.Dimensions;
        if (metadata.ElementDataType != TensorElementType.Float || dimensions.Length != 4)
        {
            throw InputMismatch($"input '{name}' is not a 4-D float tensor");
        }

        TensorLayout layout = FindLayout(name, dimensions, preprocessing.Layout);
        (int height, int width) = layout == TensorLayout.Nchw
            ? (dimensions[2], dimensions[3])
            : (dimensions[1], dimensions[2]);
        if ((height > 0 && height != preprocessing.Height) || (width > 0 && width != preprocessing.Width))
        {
            throw InputMismatch(
                $"input '{name}' takes {width}x{height} pixels, but the preprocessing '{preprocessing.Name}' makes "
                + $"{preprocessing.Width}x{preprocessing.Height}");
        }

        int? batch = dimensions[0] > 0 ? dimensions[0] : null;
        if (batch > 1)
        {
            throw InputMismatch($"input '{name}' has a fixed batch size of {batch}; the plugin needs a batch of 1 or a dynamic batch");
        }

        return new ModelInput(name, layout, batch, preprocessing.Height, preprocessing.Width);
    }

    /// <summary>
    /// Returns the channel count of the tapped value, from the output metadata or, when that leaves it open,
    /// from one run on a zero image.
    /// </summary>
    public int ChannelCount(ModelInput input, TensorLayout? valueLayout)
    {
        ArgumentNullException.ThrowIfNull(input);
        TensorLayout layout = valueLayout ?? input.Layout;
        lock (_channelLock)
        {
            if (_channels.TryGetValue(layout, out int known))
            {
                return known;
            }

            int[] dimensions = _session.OutputMetadata[Tapped.ValueName].Dimensions;
            int axis = ChannelAxis(dimensions.Length, layout) + 1;
            int channels = dimensions.Length >= 2 && dimensions[axis] > 0
                ? dimensions[axis]
                : Run(input, layout, new float[3 * input.Height * input.Width], 1, CancellationToken.None)[0].Channels;
            _channels[layout] = channels;
            return channels;
        }
    }

    /// <summary>Runs a batch and returns the tapped value of each image.</summary>
    /// <param name="input">The bound input.</param>
    /// <param name="valueLayout">Layout of the tapped value, or null to assume the input's.</param>
    /// <param name="tensor">The preprocessed batch in the input's layout.</param>
    /// <param name="batch">Number of images in <paramref name="tensor"/>.</param>
    /// <param name="cancellationToken">Stops a run in progress.</param>
    /// <exception cref="ArgumentException">The batch size does not fit the model, or the value is not a float tensor.</exception>
    /// <exception cref="OperationCanceledException">The token was signalled.</exception>
    public LayerOutput[] Run(
        ModelInput input,
        TensorLayout? valueLayout,
        float[] tensor,
        int batch,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(tensor);
        if (input.BatchSize is int fixedBatch && batch != fixedBatch)
        {
            throw new ArgumentException(
                $"The model '{Path}' takes batches of exactly {fixedBatch} images (input '{input.Name}'), not {batch}.",
                nameof(batch));
        }

        using var runOptions = new RunOptions();
        using CancellationTokenRegistration registration = cancellationToken.Register(() => runOptions.Terminate = true);
        using OrtValue inputValue = OrtValue.CreateTensorValueFromMemory(tensor, input.Shape(batch));
        IDisposableReadOnlyCollection<OrtValue> outputs;
        try
        {
            outputs = _session.Run(runOptions, [input.Name], [inputValue], [Tapped.ValueName]);
        }
        catch (OnnxRuntimeException) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }

        using (outputs)
        {
            return Split(outputs[0], valueLayout ?? input.Layout, batch);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _session.Dispose();

    private LayerOutput[] Split(OrtValue output, TensorLayout layout, int batch)
    {
        OrtTensorTypeAndShapeInfo info = output.GetTensorTypeAndShape();
        if (info.ElementDataType != TensorElementType.Float || info.Shape.Length < 2 || info.Shape[0] != batch)
        {
            throw new ArgumentException(
                $"The value '{Tapped.ValueName}' of '{Path}' is a {info.ElementDataType} tensor of shape "
                + $"[{string.Join(", ", info.Shape)}]; the plugin pools float tensors with the batch axis first. "
                + "Choose another deep.layer.");
        }

        int[] shape = info.Shape.Skip(1).Select(dimension => checked((int)dimension)).ToArray();
        int channelAxis = ChannelAxis(info.Shape.Length, layout);
        ReadOnlySpan<float> values = output.GetTensorDataAsSpan<float>();
        int perImage = values.Length / batch;
        var results = new LayerOutput[batch];
        for (int n = 0; n < batch; n++)
        {
            results[n] = new LayerOutput(values.Slice(n * perImage, perImage).ToArray(), shape, channelAxis);
        }

        return results;
    }

    // Channel axis without the batch axis: first for NCHW-like values, last for NHWC-like ones, and the only axis
    // of a [N, C] vector.
    // NOTE: ONNX does not record the layout of inner values. Converters such as tf2onnx may keep them NCHW behind
    // an NHWC input, which is what deep.layer_layout overrides.
    private static int ChannelAxis(int rankWithBatch, TensorLayout layout) =>
        layout == TensorLayout.Nchw || rankWithBatch <= 2 ? 0 : rankWithBatch - 2;

    private TensorLayout FindLayout(string name, int[] dimensions, TensorLayout? expected)
    {
        bool channelsFirst = dimensions[1] == 3;
        bool channelsLast = dimensions[3] == 3;
        TensorLayout? declared = (channelsFirst, channelsLast) switch
        {
            (true, false) => TensorLayout.Nchw,
            (false, true) => TensorLayout.Nhwc,
            _ => null,
        };
        if (declared is null && expected is null)
        {
            throw InputMismatch(
                $"the layout of input '{name}' cannot be told from its shape; set \"layout\" in the preprocessing JSON");
        }

        if (declared is not null && expected is not null && declared != expected)
        {
            throw InputMismatch(
                $"input '{name}' is {declared.ToString()!.ToUpperInvariant()}, but the preprocessing expects "
                + expected.ToString()!.ToUpperInvariant());
        }

        return declared ?? expected!.Value;
    }

    private ArgumentException InputMismatch(string problem)
    {
        IEnumerable<string> inputs = _session.InputMetadata.Select(pair =>
            $"'{pair.Key}' {pair.Value.ElementDataType} "
            + $"[{string.Join(", ", pair.Value.Dimensions.Select(FormatDimension))}]");
        return new ArgumentException(
            $"The model '{Path}' {problem}. Its inputs: {string.Join("; ", inputs)} (-1 or N: any size).");
    }

    private static string FormatDimension(int dimension) =>
        dimension > 0 ? dimension.ToString(CultureInfo.InvariantCulture) : "N";

    private static OnnxGraphInfo ReadGraph(string path, out byte[] bytes, out string sha256)
    {
        if (!File.Exists(path))
        {
            throw new ArgumentException($"The model file '{path}' was not found.");
        }

        bytes = File.ReadAllBytes(path);
        sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        try
        {
            return OnnxProtobuf.ReadGraph(bytes);
        }
        catch (Exception exception) when (exception is InvalidDataException or Google.Protobuf.InvalidProtocolBufferException)
        {
            throw new ArgumentException($"'{path}' is not a valid ONNX model: {exception.Message}", exception);
        }
    }

    private static (TappableLayer Layer, string Segment) Resolve(
        string path,
        OnnxGraphInfo graph,
        IReadOnlyList<TappableLayer> layers,
        string layer)
    {
        if (layer == LayerNames.FinalOutput)
        {
            string first = graph.Outputs.Count > 0
                ? graph.Outputs[0].Name
                : throw new ArgumentException($"The model '{path}' declares no graph output.");
            TappableLayer? output = layers.FirstOrDefault(candidate => candidate.ValueName == first);
            return output is null
                ? throw new ArgumentException($"No node of '{path}' produces its output '{first}'.")
                : (output, LayerNames.FinalOutput);
        }

        TappableLayer? match = layers.FirstOrDefault(candidate => candidate.ValueName == layer)
            ?? layers.FirstOrDefault(candidate => candidate.Segment == layer);
        if (match is null)
        {
            throw new ArgumentException(
                $"The model '{path}' has no value named '{layer}'. Use '{LayerNames.FinalOutput}' for the model's "
                + "output or one of (segment: value): "
                + string.Join(", ", layers.Select(candidate => $"{candidate.Segment}: {candidate.ValueName}"))
                + ". deep.mode=layers lists them with operators and shapes.");
        }

        return (match, match.Segment);
    }
}
