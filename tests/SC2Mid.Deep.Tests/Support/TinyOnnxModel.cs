using Google.Protobuf;

namespace SC2Mid.Deep.Tests.Support;

/// <summary>
/// Writes small ONNX models (opset 13, IR version 7) with the protobuf field numbers of onnx.proto, so that the
/// tests need neither the Python onnx package nor model files in the repository.
/// </summary>
internal static class TinyOnnxModel
{
    private const int FloatType = 1;

    /// <summary>
    /// x [N, 3, 8, 8] → Relu → <c>relu_out</c> → GlobalAveragePool → y [N, 3, 1, 1], with a dynamic batch.
    /// </summary>
    public static byte[] ReluPoolNchw(string inputName = "x") =>
        Build(
            [
                Node("Relu", "relu", [inputName], ["relu_out"]),
                Node("GlobalAveragePool", "gap", ["relu_out"], ["y"]),
            ],
            [Value(inputName, "N", 3, 8, 8)],
            [Value("y", "N", 3, 1, 1)]);

    /// <summary>pixels [1, 8, 8, 3] → Identity → y [1, 8, 8, 3]: the output is the preprocessed input itself.</summary>
    public static byte[] IdentityNhwc() =>
        Build(
            [Node("Identity", "identity", ["pixels"], ["y"])],
            [Value("pixels", 1, 8, 8, 3)],
            [Value("y", 1, 8, 8, 3)]);

    /// <summary>x [1, 3, 8, 8] → Identity → y: a fixed batch of one in NCHW.</summary>
    public static byte[] IdentityNchw() =>
        Build(
            [Node("Identity", "identity", ["x"], ["y"])],
            [Value("x", 1, 3, 8, 8)],
            [Value("y", 1, 3, 8, 8)]);

    /// <summary>a [1, 3, 8, 8] + b [1, 3, 8, 8] → y: two inputs, so the image input must be named.</summary>
    public static byte[] TwoInputs() =>
        Build(
            [Node("Add", "add", ["a", "b"], ["y"])],
            [Value("a", 1, 3, 8, 8), Value("b", 1, 3, 8, 8)],
            [Value("y", 1, 3, 8, 8)]);

    /// <summary>x [1, 3, 3, 3] → Identity → y: the layout cannot be told from the shape.</summary>
    public static byte[] AmbiguousLayout() =>
        Build(
            [Node("Identity", "identity", ["x"], ["y"])],
            [Value("x", 1, 3, 3, 3)],
            [Value("y", 1, 3, 3, 3)]);

    /// <summary>Writes the model to a new temporary file and returns its path.</summary>
    public static string Save(byte[] model, string name)
    {
        string folder = Path.Combine(Path.GetTempPath(), "sc2mid-deep-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, name + ".onnx");
        File.WriteAllBytes(path, model);
        return path;
    }

    private static byte[] Build(byte[][] nodes, byte[][] inputs, byte[][] outputs)
    {
        byte[] graph = Message(writer =>
        {
            foreach (byte[] node in nodes)
            {
                WriteMessage(writer, 1, node);
            }

            WriteString(writer, 2, "tiny");
            foreach (byte[] input in inputs)
            {
                WriteMessage(writer, 11, input);
            }

            foreach (byte[] output in outputs)
            {
                WriteMessage(writer, 12, output);
            }
        });
        byte[] opset = Message(writer =>
        {
            WriteString(writer, 1, string.Empty);
            writer.WriteTag(2, WireFormat.WireType.Varint);
            writer.WriteInt64(13);
        });
        return Message(writer =>
        {
            writer.WriteTag(1, WireFormat.WireType.Varint);
            writer.WriteInt64(7);
            WriteString(writer, 2, "SC2Mid.Deep.Tests");
            WriteMessage(writer, 7, graph);
            WriteMessage(writer, 8, opset);
        });
    }

    private static byte[] Node(string opType, string name, string[] inputs, string[] outputs) =>
        Message(writer =>
        {
            foreach (string input in inputs)
            {
                WriteString(writer, 1, input);
            }

            foreach (string output in outputs)
            {
                WriteString(writer, 2, output);
            }

            WriteString(writer, 3, name);
            WriteString(writer, 4, opType);
        });

    /// <summary>Encodes a float ValueInfoProto; each dimension is a number or a symbolic name.</summary>
    private static byte[] Value(string name, params object[] dimensions)
    {
        byte[] shape = Message(writer =>
        {
            foreach (object dimension in dimensions)
            {
                WriteMessage(writer, 1, Message(dim =>
                {
                    if (dimension is string symbol)
                    {
                        WriteString(dim, 2, symbol);
                    }
                    else
                    {
                        dim.WriteTag(1, WireFormat.WireType.Varint);
                        dim.WriteInt64(Convert.ToInt64(dimension, System.Globalization.CultureInfo.InvariantCulture));
                    }
                }));
            }
        });
        byte[] tensorType = Message(writer =>
        {
            writer.WriteTag(1, WireFormat.WireType.Varint);
            writer.WriteInt32(FloatType);
            WriteMessage(writer, 2, shape);
        });
        byte[] type = Message(writer => WriteMessage(writer, 1, tensorType));
        return Message(writer =>
        {
            WriteString(writer, 1, name);
            WriteMessage(writer, 2, type);
        });
    }

    private static byte[] Message(Action<CodedOutputStream> write)
    {
        using var stream = new MemoryStream();
        var writer = new CodedOutputStream(stream);
        write(writer);
        writer.Flush();
        return stream.ToArray();
    }

    private static void WriteMessage(CodedOutputStream writer, int field, byte[] message)
    {
        writer.WriteTag(field, WireFormat.WireType.LengthDelimited);
        writer.WriteBytes(ByteString.CopyFrom(message));
    }

    private static void WriteString(CodedOutputStream writer, int field, string text)
    {
        writer.WriteTag(field, WireFormat.WireType.LengthDelimited);
        writer.WriteString(text);
    }
}
