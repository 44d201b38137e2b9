using System.Globalization;
using SC2Mid.Sdk;

namespace SC2Mid.Core.Datasets;

/// <summary>
/// Reads a CSV manifest with the header <c>image,mask,nm_per_px</c>. Only <c>image</c> is required; the columns
/// may come in any order, and <c>mask</c> and <c>nm_per_px</c> may be left empty on any row.
/// </summary>
/// <remarks>
/// Relative paths are resolved against the manifest's folder. <c>nm_per_px</c> is nanometres per pixel edge,
/// written with a decimal point. Rows keep their file order, because the manifest's author chose it.
/// </remarks>
internal static class DatasetManifestReader
{
    private const string ImageColumn = "image";
    private const string MaskColumn = "mask";
    private const string PixelSizeColumn = "nm_per_px";
    private const string CalibrationSource = "dataset manifest";

    private static readonly string[] KnownColumns = [ImageColumn, MaskColumn, PixelSizeColumn];

    /// <summary>Reads the manifest at <paramref name="manifestPath"/>, a full path to an existing file.</summary>
    /// <exception cref="DatasetException">
    /// The file cannot be read, the header or a row is invalid, or a listed file does not exist. The message gives
    /// the manifest's path and line.
    /// </exception>
    public static Dataset Read(string manifestPath)
    {
        var records = new CsvRecordReader(manifestPath, ReadText(manifestPath)).ReadAll();
        if (records.Count == 0)
        {
            throw new DatasetException(
                manifestPath,
                null,
                "The manifest is empty; expected the header image,mask,nm_per_px and one row per image.");
        }

        var columns = ReadHeader(manifestPath, records[0]);
        if (records.Count == 1)
        {
            throw new DatasetException(
                manifestPath,
                records[0].Line,
                "The manifest lists no images after its header; add one row per image.");
        }

        var folder = Path.GetDirectoryName(manifestPath)!;
        var items = new List<DatasetItem>();
        var firstLineOfImage = new Dictionary<string, int>(StringComparer.Ordinal);
        var unmasked = new List<string>();
        foreach (var record in records.Skip(1))
        {
            var item = ReadRow(manifestPath, folder, columns, record);
            if (!firstLineOfImage.TryAdd(item.ImageId, record.Line))
            {
                throw new DatasetException(
                    manifestPath,
                    record.Line,
                    $"Image '{item.ImageId}' is already listed on line {firstLineOfImage[item.ImageId]}; "
                    + "list each image once.");
            }

            if (item.MaskPath is null)
            {
                unmasked.Add(item.ImageId);
            }

            items.Add(item);
        }

        var warnings = new List<string>();
        if (unmasked.Count > 0)
        {
            warnings.Add(
                $"{unmasked.Count} of {items.Count} images have no mask in the manifest: "
                + $"{DatasetWarnings.ListNames(unmasked)}.");
        }

        return new Dataset(manifestPath, items, warnings);
    }

    private static string ReadText(string manifestPath)
    {
        try
        {
            return File.ReadAllText(manifestPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DatasetException(manifestPath, null, $"The manifest could not be read: {e.Message}", e);
        }
    }

    /// <summary>Maps each known column name to its field index.</summary>
    private static Dictionary<string, int> ReadHeader(string manifestPath, CsvRecord header)
    {
        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Fields.Count; i++)
        {
            var name = header.Fields[i];
            if (!KnownColumns.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                throw new DatasetException(
                    manifestPath,
                    header.Line,
                    $"Unknown column '{name}' in the header. The columns are {string.Join(", ", KnownColumns)}; "
                    + "only image is required.");
            }

            if (!columns.TryAdd(name, i))
            {
                throw new DatasetException(manifestPath, header.Line, $"Column '{name}' appears twice in the header.");
            }
        }

        if (!columns.ContainsKey(ImageColumn))
        {
            throw new DatasetException(
                manifestPath,
                header.Line,
                "The header has no image column; expected a first line such as image,mask,nm_per_px.");
        }

        return columns;
    }

    private static DatasetItem ReadRow(
        string manifestPath,
        string folder,
        Dictionary<string, int> columns,
        CsvRecord record)
    {
        if (record.Fields.Count > columns.Count)
        {
            throw new DatasetException(
                manifestPath,
                record.Line,
                $"The row has {record.Fields.Count} fields but the header has {columns.Count}. Enclose paths that "
                + "contain commas in double quotes, and write nm_per_px with a decimal point (0.85, not 0,85).");
        }

        var image = Field(record, columns, ImageColumn);
        if (image.Length == 0)
        {
            throw new DatasetException(
                manifestPath,
                record.Line,
                "The image column is empty; every row needs an image path.");
        }

        var imagePath = ResolveExistingFile(manifestPath, folder, record.Line, image, ImageColumn);
        var mask = Field(record, columns, MaskColumn);
        var maskPath = mask.Length == 0
            ? null
            : ResolveExistingFile(manifestPath, folder, record.Line, mask, MaskColumn);
        var pixelSize = Field(record, columns, PixelSizeColumn);
        var calibration = pixelSize.Length == 0 ? null : ParseCalibration(manifestPath, record.Line, pixelSize);
        var imageId = Path.GetRelativePath(folder, imagePath).Replace(Path.DirectorySeparatorChar, '/');
        return new DatasetItem(imageId, imagePath, maskPath, calibration);
    }

    /// <summary>Returns the field of <paramref name="column"/>, or "" when the column or the field is absent.</summary>
    private static string Field(CsvRecord record, Dictionary<string, int> columns, string column) =>
        columns.TryGetValue(column, out var index) && index < record.Fields.Count ? record.Fields[index] : "";

    private static string ResolveExistingFile(
        string manifestPath,
        string folder,
        int line,
        string value,
        string column)
    {
        string fullPath;
        try
        {
            fullPath = Path.GetFullPath(Path.Combine(folder, value));
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new DatasetException(manifestPath, line, $"The {column} path '{value}' is invalid: {e.Message}", e);
        }

        if (!File.Exists(fullPath))
        {
            throw new DatasetException(
                manifestPath,
                line,
                $"The {column} file '{value}' was not found (looked for {fullPath}). Paths are relative to the "
                + "manifest's folder.");
        }

        return fullPath;
    }

    private static Calibration ParseCalibration(string manifestPath, int line, string value)
    {
        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var nmPerPixel))
        {
            throw new DatasetException(
                manifestPath,
                line,
                $"nm_per_px '{value}' is not a number; write it with a decimal point, for example 0.85.");
        }

        if (!double.IsFinite(nmPerPixel) || nmPerPixel <= 0)
        {
            throw new DatasetException(
                manifestPath,
                line,
                $"nm_per_px '{value}' must be a finite number greater than 0 (nanometres per pixel edge); "
                + "leave the field empty when the pixel size is unknown.");
        }

        return Calibration.FromNmPerPixel(nmPerPixel, CalibrationSource);
    }
}
