using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SC2Mid.Core.Scaling;

/// <summary>
/// Reads the pixel size stored in a TIFF file's first directory: XResolution (tag 282) and ResolutionUnit (296), or
/// the unit ImageJ writes into ImageDescription (270) as <c>unit=nm</c> when ResolutionUnit is 1 (none).
/// </summary>
/// <remarks>
/// Tag numbers and types follow the TIFF 6.0 specification (Adobe, 1992), section 8. Only classic TIFF is read;
/// BigTIFF files return null. XResolution is pixels per unit, so nm per pixel is (nm per unit) / XResolution.
/// </remarks>
public static partial class TiffResolution
{
    private const ushort ImageDescriptionTag = 270;
    private const ushort XResolutionTag = 282;
    private const ushort YResolutionTag = 283;
    private const ushort ResolutionUnitTag = 296;

    private static readonly Dictionary<string, double> NanometresPerUnit = new(StringComparer.OrdinalIgnoreCase)
    {
        ["nm"] = 1,
        ["nanometer"] = 1,
        ["nanometre"] = 1,
        ["micron"] = 1e3,
        ["um"] = 1e3,
        ["µm"] = 1e3,
        ["\u03bcm"] = 1e3,
        ["mm"] = 1e6,
        ["cm"] = 1e7,
        ["A"] = 0.1,
        ["angstrom"] = 0.1,
    };

    /// <summary>Returns the pixel size in nm and a description of where it came from, or null when absent.</summary>
    /// <param name="data">The whole file.</param>
    /// <param name="warning">Set when resolution tags exist but cannot be used (unknown unit, unequal axes).</param>
    public static (double NmPerPixel, string Description)? TryRead(ReadOnlySpan<byte> data, out string? warning)
    {
        warning = null;
        if (data.Length < 8 || !(data[0] == data[1] && (data[0] == 'I' || data[0] == 'M')))
        {
            return null;
        }

        var bigEndian = data[0] == 'M';
        if (ReadUInt16(data, 2, bigEndian) != 42)
        {
            return null;
        }

        var directory = (int)Math.Min(ReadUInt32(data, 4, bigEndian), int.MaxValue);
        if (directory <= 0 || directory + 2 > data.Length)
        {
            return null;
        }

        var tags = ReadTags(data, directory, bigEndian);
        if (!tags.TryGetValue(XResolutionTag, out var xResolution) || xResolution is not double pixelsPerUnit
            || !(pixelsPerUnit > 0) || !double.IsFinite(pixelsPerUnit))
        {
            return null;
        }

        if (tags.GetValueOrDefault(YResolutionTag) is double y && Math.Abs(y - pixelsPerUnit) > 1e-6 * pixelsPerUnit)
        {
            warning = $"TIFF XResolution ({pixelsPerUnit}) and YResolution ({y}) differ; pixels are not square, so "
                + "the TIFF pixel size is not used.";
            return null;
        }

        var unit = tags.GetValueOrDefault(ResolutionUnitTag) is double code ? (int)code : 2;
        var description = tags.GetValueOrDefault(ImageDescriptionTag) as string;
        var (nmPerUnit, unitName) = unit switch
        {
            2 => (25.4e6, "inch"),
            3 => (1e7, "cm"),
            _ => ImageJUnit(description),
        };
        if (nmPerUnit is null)
        {
            if (description is not null && description.StartsWith("ImageJ", StringComparison.Ordinal))
            {
                warning = $"TIFF resolution {pixelsPerUnit} pixels per unit has no usable unit (ImageJ unit "
                    + $"'{unitName}'); give --nm-per-px to calibrate.";
            }

            return null;
        }

        // Many programs write 72, 96 or 300 pixels per inch as a display or print default, not a measured pixel size.
        if (unit == 2 && pixelsPerUnit is 72 or 96 or 300)
        {
            return null;
        }

        var nmPerPixel = nmPerUnit.Value / pixelsPerUnit;
        var text = string.Create(
            CultureInfo.InvariantCulture,
            $"TIFF resolution tag ({pixelsPerUnit:G6} pixels per {unitName})");
        return (nmPerPixel, text);
    }

    private static (double? NmPerUnit, string Name) ImageJUnit(string? description)
    {
        if (description is null)
        {
            return (null, "none");
        }

        var match = ImageJUnitPattern().Match(description);
        if (!match.Success)
        {
            return (null, "none");
        }

        var name = match.Groups[1].Value.Trim();
        return NanometresPerUnit.TryGetValue(name, out var factor) ? (factor, name) : (null, name);
    }

    private static Dictionary<ushort, object> ReadTags(ReadOnlySpan<byte> data, int directory, bool bigEndian)
    {
        var tags = new Dictionary<ushort, object>();
        var count = ReadUInt16(data, directory, bigEndian);
        for (var i = 0; i < count; i++)
        {
            var entry = directory + 2 + (12 * i);
            if (entry + 12 > data.Length)
            {
                break;
            }

            var tag = ReadUInt16(data, entry, bigEndian);
            var type = ReadUInt16(data, entry + 2, bigEndian);
            var valueCount = ReadUInt32(data, entry + 4, bigEndian);
            var value = ReadValue(data, entry + 8, type, valueCount, bigEndian);
            if (value is not null)
            {
                tags[tag] = value;
            }
        }

        return tags;
    }

    private static object? ReadValue(ReadOnlySpan<byte> data, int field, ushort type, uint count, bool bigEndian)
    {
        switch (type)
        {
            case 2 when count <= 4:
                return Encoding.Latin1.GetString(data.Slice(field, (int)count)).TrimEnd('\0');
            case 2:
                var offset = ReadUInt32(data, field, bigEndian);
                return offset + count <= data.Length
                    ? Encoding.UTF8.GetString(data.Slice((int)offset, (int)count)).TrimEnd('\0')
                    : null;
            case 3:
                return (double)ReadUInt16(data, field, bigEndian);
            case 4:
                return (double)ReadUInt32(data, field, bigEndian);
            case 5:
                var rational = ReadUInt32(data, field, bigEndian);
                if (rational + 8 > data.Length)
                {
                    return null;
                }

                var numerator = ReadUInt32(data, (int)rational, bigEndian);
                var denominator = ReadUInt32(data, (int)rational + 4, bigEndian);
                return denominator == 0 ? null : (double)numerator / denominator;
            default:
                return null;
        }
    }

    private static ushort ReadUInt16(ReadOnlySpan<byte> data, int offset, bool bigEndian) =>
        bigEndian
            ? BinaryPrimitives.ReadUInt16BigEndian(data[offset..])
            : BinaryPrimitives.ReadUInt16LittleEndian(data[offset..]);

    private static uint ReadUInt32(ReadOnlySpan<byte> data, int offset, bool bigEndian) =>
        bigEndian
            ? BinaryPrimitives.ReadUInt32BigEndian(data[offset..])
            : BinaryPrimitives.ReadUInt32LittleEndian(data[offset..]);

    [GeneratedRegex(@"(?m)^unit=(.*)$")]
    private static partial Regex ImageJUnitPattern();
}
