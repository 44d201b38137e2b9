using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.InteropServices;
using Google.Protobuf;

namespace SC2Mid.Plugins.Deep.Onnx;

/// <summary>
/// Reads and minimally edits ONNX model files at the protobuf wire level, because ONNX Runtime has no
/// model-editing API and the plugin needs only a handful of fields.
/// </summary>
/// <remarks>
/// Field numbers follow onnx.proto (ONNX 1.x, unchanged since IR version 3). Models with external data (over 2 GB)
/// are out of scope: their weights live in other files, which ONNX Runtime would look for beside the original path.
/// </remarks>
internal static class OnnxProtobuf
{
    private const int ModelGraph = 7;
    private const int GraphNode = 1;
    private const int GraphInitializer = 5;
    private const int GraphInput = 11;
    private const int GraphOutput = 12;
    private const int GraphValueInfo = 13;
    private const int NodeOutput = 2;
    private const int NodeName = 3;
    private const int NodeOpType = 4;
    private const int ValueInfoName = 1;
    private const int ValueInfoType = 2;
    private const int TypeTensor = 1;
    private const int TensorTypeShape = 2;
    private const int ShapeDimension = 1;
    private const int DimensionValue = 1;
    private const int DimensionParameter = 2;
    private const int TensorDims = 1;
    private const int TensorDataType = 2;
    private const int TensorFloatData = 4;
    private const int TensorName = 8;
    private const int TensorRawData = 9;
    private const int FloatDataType = 1;

    /// <summary>Reads the main graph's inputs, outputs, nodes and declared value shapes.</summary>
    /// <exception cref="InvalidDataException">The bytes are not an ONNX model with a graph.</exception>
    public static OnnxGraphInfo ReadGraph(byte[] model)
    {
        var inputs = new List<OnnxValueInfo>();
        var outputs = new List<OnnxValueInfo>();
        var nodes = new List<OnnxNodeInfo>();
        var shapes = new Dictionary<string, OnnxValueInfo>(StringComparer.Ordinal);
        var initializers = new HashSet<string>(StringComparer.Ordinal);
        bool hasGraph = false;

        // A message field that occurs twice is merged by protobuf parsers, so every graph field is read.
        foreach (ByteString graph in ReadMessageFields(model, ModelGraph))
        {
            hasGraph = true;
            CodedInputStream input = Open(graph);
            uint tag;
            while ((tag = input.ReadTag()) != 0)
            {
                switch (WireFormat.GetTagFieldNumber(tag))
                {
                    case GraphNode:
                        nodes.Add(ReadNode(input.ReadBytes()));
                        break;
                    case GraphInitializer:
                        initializers.Add(ReadTensorName(input.ReadBytes()));
                        break;
                    case GraphInput:
                        inputs.Add(ReadValueInfo(input.ReadBytes()));
                        break;
                    case GraphOutput:
                        outputs.Add(ReadValueInfo(input.ReadBytes()));
                        break;
                    case GraphValueInfo:
                        OnnxValueInfo value = ReadValueInfo(input.ReadBytes());
                        shapes[value.Name] = value;
                        break;
                    default:
                        input.SkipLastField();
                        break;
                }
            }
        }

        if (!hasGraph)
        {
            throw new InvalidDataException("The file has no ONNX graph (ModelProto field 7), so it is not an ONNX model.");
        }

        foreach (OnnxValueInfo value in inputs.Concat(outputs))
        {
            shapes[value.Name] = value;
        }

        // IR versions before 4 list initializers among the inputs; a caller feeds only the others.
        inputs.RemoveAll(value => initializers.Contains(value.Name));
        return new OnnxGraphInfo(inputs, outputs, nodes, shapes);
    }

    /// <summary>
    /// Returns a copy of the model with more graph outputs, so that ONNX Runtime returns those intermediate values.
    /// </summary>
    /// <remarks>
    /// The copy is the original bytes followed by a second <c>ModelProto.graph</c> field that holds only the new
    /// <c>GraphProto.output</c> entries. Protobuf parsers merge repeated occurrences of a message field and append
    /// repeated fields, so the result is the original graph with the outputs added at the end. Nothing else is
    /// re-encoded. Each new output copies the value's declared type from <c>value_info</c> when there is one and is
    /// otherwise left for ONNX Runtime's shape inference.
    /// </remarks>
    public static byte[] AppendGraphOutputs(byte[] model, IEnumerable<string> valueNames)
    {
        Dictionary<string, ByteString> declared = ReadValueInfoBytes(model);
        using var graph = new MemoryStream();
        var graphWriter = new CodedOutputStream(graph);
        foreach (string name in valueNames)
        {
            graphWriter.WriteTag(GraphOutput, WireFormat.WireType.LengthDelimited);
            if (declared.TryGetValue(name, out ByteString? valueInfo))
            {
                graphWriter.WriteBytes(valueInfo);
            }
            else
            {
                using var nameOnly = new MemoryStream();
                var nameWriter = new CodedOutputStream(nameOnly);
                nameWriter.WriteTag(ValueInfoName, WireFormat.WireType.LengthDelimited);
                nameWriter.WriteString(name);
                nameWriter.Flush();
                graphWriter.WriteBytes(ByteString.CopyFrom(nameOnly.ToArray()));
            }
        }

        graphWriter.Flush();
        using var result = new MemoryStream(model.Length + (int)graph.Length + 16);
        result.Write(model);
        var resultWriter = new CodedOutputStream(result);
        resultWriter.WriteTag(ModelGraph, WireFormat.WireType.LengthDelimited);
        resultWriter.WriteBytes(ByteString.CopyFrom(graph.ToArray()));
        resultWriter.Flush();
        return result.ToArray();
    }

    /// <summary>Reads a float initializer of the main graph, for example a mean image stored in a model.</summary>
    /// <returns>The values in row-major order and the tensor's dimensions.</returns>
    /// <exception cref="InvalidDataException">The graph has no float initializer of that name.</exception>
    public static (float[] Values, long[] Dimensions) ReadFloatInitializer(byte[] model, string name)
    {
        foreach (ByteString graph in ReadMessageFields(model, ModelGraph))
        {
            foreach (ByteString tensor in ReadMessageFields(graph, GraphInitializer))
            {
                if (ReadTensorName(tensor) == name)
                {
                    return ReadFloatTensor(tensor, name);
                }
            }
        }

        throw new InvalidDataException($"The model has no initializer named '{name}'.");
    }

    private static (float[] Values, long[] Dimensions) ReadFloatTensor(ByteString tensor, string name)
    {
        var dimensions = new List<long>();
        var values = new List<float>();
        int dataType = 0;
        CodedInputStream input = Open(tensor);
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            int field = WireFormat.GetTagFieldNumber(tag);
            bool packed = WireFormat.GetTagWireType(tag) == WireFormat.WireType.LengthDelimited;
            if (field == TensorDims && packed)
            {
                CodedInputStream packedDims = Open(input.ReadBytes());
                while (!packedDims.IsAtEnd)
                {
                    dimensions.Add(packedDims.ReadInt64());
                }
            }
            else if (field == TensorDims)
            {
                dimensions.Add(input.ReadInt64());
            }
            else if (field == TensorDataType)
            {
                dataType = input.ReadInt32();
            }
            else if (field == TensorFloatData && packed)
            {
                AddLittleEndianFloats(input.ReadBytes().Span, values);
            }
            else if (field == TensorFloatData)
            {
                values.Add(input.ReadFloat());
            }
            else if (field == TensorRawData)
            {
                AddLittleEndianFloats(input.ReadBytes().Span, values);
            }
            else
            {
                input.SkipLastField();
            }
        }

        if (dataType != FloatDataType)
        {
            throw new InvalidDataException(
                $"The initializer '{name}' has ONNX data type {dataType}, not 1 (float).");
        }

        return (values.ToArray(), dimensions.ToArray());
    }

    private static void AddLittleEndianFloats(ReadOnlySpan<byte> bytes, List<float> values)
    {
        for (int offset = 0; offset + 4 <= bytes.Length; offset += 4)
        {
            values.Add(BinaryPrimitives.ReadSingleLittleEndian(bytes[offset..]));
        }
    }

    private static Dictionary<string, ByteString> ReadValueInfoBytes(byte[] model)
    {
        var result = new Dictionary<string, ByteString>(StringComparer.Ordinal);
        foreach (ByteString graph in ReadMessageFields(model, ModelGraph))
        {
            foreach (ByteString valueInfo in ReadMessageFields(graph, GraphValueInfo))
            {
                result[ReadValueInfo(valueInfo).Name] = valueInfo;
            }
        }

        return result;
    }

    private static OnnxNodeInfo ReadNode(ByteString node)
    {
        string name = string.Empty;
        string opType = string.Empty;
        var outputs = new List<string>();
        CodedInputStream input = Open(node);
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case NodeOutput:
                    outputs.Add(input.ReadString());
                    break;
                case NodeName:
                    name = input.ReadString();
                    break;
                case NodeOpType:
                    opType = input.ReadString();
                    break;
                default:
                    input.SkipLastField();
                    break;
            }
        }

        return new OnnxNodeInfo(name, opType, outputs);
    }

    private static OnnxValueInfo ReadValueInfo(ByteString valueInfo)
    {
        string name = string.Empty;
        IReadOnlyList<string>? dimensions = null;
        CodedInputStream input = Open(valueInfo);
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case ValueInfoName:
                    name = input.ReadString();
                    break;
                case ValueInfoType:
                    dimensions = ReadTensorShape(input.ReadBytes());
                    break;
                default:
                    input.SkipLastField();
                    break;
            }
        }

        return new OnnxValueInfo(name, dimensions);
    }

    private static List<string>? ReadTensorShape(ByteString type)
    {
        ByteString? tensorType = ReadMessageFields(type, TypeTensor).LastOrDefault();
        ByteString? shape = tensorType is null ? null : ReadMessageFields(tensorType, TensorTypeShape).LastOrDefault();
        if (shape is null)
        {
            return null;
        }

        var dimensions = new List<string>();
        foreach (ByteString dimension in ReadMessageFields(shape, ShapeDimension))
        {
            string text = "?";
            CodedInputStream input = Open(dimension);
            uint tag;
            while ((tag = input.ReadTag()) != 0)
            {
                switch (WireFormat.GetTagFieldNumber(tag))
                {
                    case DimensionValue:
                        text = input.ReadInt64().ToString(CultureInfo.InvariantCulture);
                        break;
                    case DimensionParameter:
                        text = input.ReadString();
                        break;
                    default:
                        input.SkipLastField();
                        break;
                }
            }

            dimensions.Add(text);
        }

        return dimensions;
    }

    private static string ReadTensorName(ByteString tensor)
    {
        string name = string.Empty;
        CodedInputStream input = Open(tensor);
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            if (WireFormat.GetTagFieldNumber(tag) == TensorName)
            {
                name = input.ReadString();
            }
            else
            {
                input.SkipLastField();
            }
        }

        return name;
    }

    private static List<ByteString> ReadMessageFields(byte[] message, int fieldNumber) =>
        ReadMessageFields(new CodedInputStream(message), fieldNumber);

    private static List<ByteString> ReadMessageFields(ByteString message, int fieldNumber) =>
        ReadMessageFields(Open(message), fieldNumber);

    private static List<ByteString> ReadMessageFields(CodedInputStream input, int fieldNumber)
    {
        var fields = new List<ByteString>();
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            if (WireFormat.GetTagFieldNumber(tag) == fieldNumber
                && WireFormat.GetTagWireType(tag) == WireFormat.WireType.LengthDelimited)
            {
                fields.Add(input.ReadBytes());
            }
            else
            {
                input.SkipLastField();
            }
        }

        return fields;
    }

    // Reads a nested message in place: ByteString wraps an array, so no copy of a large graph is made.
    private static CodedInputStream Open(ByteString bytes) =>
        MemoryMarshal.TryGetArray(bytes.Memory, out ArraySegment<byte> segment)
            ? new CodedInputStream(segment.Array!, segment.Offset, segment.Count)
            : new CodedInputStream(bytes.ToByteArray());
}
