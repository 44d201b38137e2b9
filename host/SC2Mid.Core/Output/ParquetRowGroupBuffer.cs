using Parquet;
using Parquet.Schema;
using SC2Mid.Core.Extraction;

namespace SC2Mid.Core.Output;

/// <summary>
/// Rows of one Parquet row group, kept column by column until they are written. The buffer is reused for every
/// row group of a file, so its size, not the run's, bounds the memory a write takes.
/// </summary>
internal sealed class ParquetRowGroupBuffer
{
    private readonly WideTableLayout _layout;
    private readonly DataField<string> _imageIdField = new("image_id", nullable: false);
    private readonly DataField<int?> _objectIdField = new("object_id");
    private readonly DataField<string> _statusField = new("status", nullable: false);
    private readonly DataField<double?> _nmPerPixelField = new("nm_per_px");
    private readonly DataField<string> _calibrationSourceField = new("calibration_source", nullable: false);
    private readonly DataField<int?>[] _boundingBoxFields =
        [new("bbox_x"), new("bbox_y"), new("bbox_width"), new("bbox_height")];

    private readonly DataField<double?>[] _featureFields;
    private readonly string[] _imageIds;
    private readonly int?[] _objectIds;
    private readonly string[] _statuses;
    private readonly double?[] _nmPerPixel;
    private readonly string[] _calibrationSources;
    private readonly int?[][] _boundingBoxes;
    private readonly double?[][] _features;
    private readonly double?[] _row;

    /// <summary>Creates an empty buffer for rows of <paramref name="layout"/>.</summary>
    /// <param name="layout">The columns.</param>
    /// <param name="capacity">Rows per row group.</param>
    public ParquetRowGroupBuffer(WideTableLayout layout, int capacity)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _layout = layout;
        Capacity = capacity;
        _featureFields = layout.FeatureColumns.Select(column => new DataField<double?>(column.Name)).ToArray();
        Schema = new ParquetSchema(
            [
                _imageIdField, _objectIdField, _statusField, _nmPerPixelField, _calibrationSourceField,
                .. _boundingBoxFields, .. _featureFields,
            ]);
        _imageIds = new string[capacity];
        _objectIds = new int?[capacity];
        _statuses = new string[capacity];
        _nmPerPixel = new double?[capacity];
        _calibrationSources = new string[capacity];
        _boundingBoxes = _boundingBoxFields.Select(_ => new int?[capacity]).ToArray();
        _features = _featureFields.Select(_ => new double?[capacity]).ToArray();
        _row = new double?[_featureFields.Length];
    }

    /// <summary>
    /// The file's schema: the columns of <see cref="WideTableLayout"/>, with strings for ids, status and calibration
    /// source, nullable int32 for the object id and bounding box, and nullable double for the rest.
    /// </summary>
    public ParquetSchema Schema { get; }

    /// <summary>Rows per row group.</summary>
    public int Capacity { get; }

    /// <summary>Rows added since the last write.</summary>
    public int Count { get; private set; }

    /// <summary>
    /// Adds one row of the wide table; call only while <see cref="Count"/> is below <see cref="Capacity"/>.
    /// </summary>
    /// <param name="image">The image of the row.</param>
    /// <param name="item">The object of the row, or null for an image without objects.</param>
    public void Add(ImageResult image, ObjectResult? item)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (Count == Capacity)
        {
            throw new InvalidOperationException(
                $"The row group is full at {Capacity} rows, so write it before adding more.");
        }

        var i = Count;
        _imageIds[i] = image.ImageId;
        _objectIds[i] = item?.ObjectId;
        _statuses[i] = CsvResultWriter.StatusName(image.Status);
        _nmPerPixel[i] = image.Calibration.NmPerPixel;
        _calibrationSources[i] = image.Calibration.Source;
        _boundingBoxes[0][i] = item?.BoundingBox.X;
        _boundingBoxes[1][i] = item?.BoundingBox.Y;
        _boundingBoxes[2][i] = item?.BoundingBox.Width;
        _boundingBoxes[3][i] = item?.BoundingBox.Height;
        _layout.ReadValues(item, _row);
        for (var column = 0; column < _row.Length; column++)
        {
            _features[column][i] = _row[column];
        }

        Count++;
    }

    /// <summary>
    /// Writes the rows added so far as one row group of <paramref name="writer"/> and empties the buffer.
    /// </summary>
    public async Task WriteAsync(ParquetWriter writer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var count = Count;
        using (var rowGroup = writer.CreateRowGroup())
        {
            await WriteStringsAsync(rowGroup, _imageIdField, _imageIds, count).ConfigureAwait(false);
            await WriteValuesAsync(rowGroup, _objectIdField, _objectIds, count, cancellationToken)
                .ConfigureAwait(false);
            await WriteStringsAsync(rowGroup, _statusField, _statuses, count).ConfigureAwait(false);
            await WriteValuesAsync(rowGroup, _nmPerPixelField, _nmPerPixel, count, cancellationToken)
                .ConfigureAwait(false);
            await WriteStringsAsync(rowGroup, _calibrationSourceField, _calibrationSources, count)
                .ConfigureAwait(false);
            for (var column = 0; column < _boundingBoxFields.Length; column++)
            {
                await WriteValuesAsync(
                        rowGroup, _boundingBoxFields[column], _boundingBoxes[column], count, cancellationToken)
                    .ConfigureAwait(false);
            }

            for (var column = 0; column < _featureFields.Length; column++)
            {
                await WriteValuesAsync(rowGroup, _featureFields[column], _features[column], count, cancellationToken)
                    .ConfigureAwait(false);
            }

            rowGroup.CompleteValidate();
        }

        Count = 0;
    }

    private static Task WriteStringsAsync(
        ParquetRowGroupWriter rowGroup,
        DataField<string> field,
        string[] values,
        int count) =>
        rowGroup.WriteAsync(field, new ArraySegment<string>(values, 0, count));

    private static Task WriteValuesAsync<T>(
        ParquetRowGroupWriter rowGroup,
        DataField<T?> field,
        T?[] values,
        int count,
        CancellationToken cancellationToken)
        where T : struct =>
        rowGroup.WriteAsync<T>(field, values.AsMemory(0, count), cancellationToken: cancellationToken);
}
