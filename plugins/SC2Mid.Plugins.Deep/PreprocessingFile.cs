using System.Text.Json;
using System.Text.Json.Serialization;

namespace SC2Mid.Plugins.Deep;

/// <summary>
/// Reads a model's preprocessing from a JSON file (<c>deep.preprocessing=FILE.json</c>).
/// </summary>
/// <remarks>
/// Example for a torchvision model exported with input <c>input</c> of shape [N, 3, 224, 224]:
/// <code>
/// {
///   "width": 224, "height": 224,
///   "channelOrder": "rgb",
///   "scale": 0.00392156862745098,
///   "mean": [0.485, 0.456, 0.406],
///   "std": [0.229, 0.224, 0.225],
///   "layout": "NCHW",
///   "input": "input"
/// }
/// </code>
/// Each channel value is <c>(pixel * scale - mean[c]) / std[c]</c> with pixel on 0–255 and c in
/// <c>channelOrder</c>. <c>scale</c> defaults to 1, <c>std</c> to [1, 1, 1]; <c>layout</c> and <c>input</c> are
/// optional and, when given, checked against the model.
/// </remarks>
internal static class PreprocessingFile
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNameCaseInsensitive = false,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    /// <summary>Reads and checks a preprocessing file.</summary>
    /// <exception cref="ArgumentException">The file is missing, is not valid JSON or has an invalid value.</exception>
    public static Preprocessing Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new ArgumentException($"The preprocessing file '{path}' was not found.");
        }

        Document? document;
        try
        {
            document = JsonSerializer.Deserialize<Document>(File.ReadAllText(path), Options);
        }
        catch (JsonException exception)
        {
            throw new ArgumentException(
                $"{path}: invalid preprocessing JSON at line {exception.LineNumber + 1}: {exception.Message} "
                + "Expected the properties width, height, channelOrder, scale, mean, std, layout and input.",
                exception);
        }

        return document is null
            ? throw new ArgumentException($"{path}: the file contains null instead of a preprocessing object.")
            : Check(path, document);
    }

    private static Preprocessing Check(string path, Document document)
    {
        if (document.Width is not (>= 1 and <= 8192) || document.Height is not (>= 1 and <= 8192))
        {
            throw new ArgumentException(
                $"{path}: width and height must be from 1 to 8192 pixels, not {document.Width} and {document.Height}.");
        }

        ChannelOrder order = document.ChannelOrder?.ToLowerInvariant() switch
        {
            "rgb" => ChannelOrder.Rgb,
            "bgr" => ChannelOrder.Bgr,
            _ => throw new ArgumentException(
                $"{path}: channelOrder is '{document.ChannelOrder}'; expected \"rgb\" or \"bgr\"."),
        };
        double scale = document.Scale ?? 1;
        double[] mean = document.Mean ?? throw new ArgumentException($"{path}: mean is missing; give 3 numbers.");
        double[] std = document.Std ?? [1, 1, 1];
        if (!double.IsFinite(scale) || scale == 0)
        {
            throw new ArgumentException($"{path}: scale is {scale}; expected a finite number other than 0.");
        }

        bool meanValid = mean.Length == 3 && mean.All(double.IsFinite);
        bool stdValid = std.Length == 3 && std.All(s => double.IsFinite(s) && s != 0);
        if (!meanValid || !stdValid)
        {
            throw new ArgumentException(
                $"{path}: mean and std must each hold 3 finite numbers, std none of them 0; "
                + $"got mean [{string.Join(", ", mean)}] and std [{string.Join(", ", std)}].");
        }

        TensorLayout? layout = document.Layout?.ToUpperInvariant() switch
        {
            null => null,
            "NCHW" => TensorLayout.Nchw,
            "NHWC" => TensorLayout.Nhwc,
            _ => throw new ArgumentException($"{path}: layout is '{document.Layout}'; expected \"NCHW\" or \"NHWC\"."),
        };
        string? input = string.IsNullOrEmpty(document.Input) ? null : document.Input;
        return new Preprocessing(path, document.Width, document.Height, order, scale, mean, std, input, layout);
    }

    private sealed record Document(
        int Width,
        int Height,
        string? ChannelOrder,
        double? Scale,
        double[]? Mean,
        double[]? Std,
        string? Layout,
        string? Input);
}
