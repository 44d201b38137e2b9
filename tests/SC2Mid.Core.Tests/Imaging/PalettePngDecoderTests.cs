using System.Buffers.Binary;
using OpenCvSharp;
using SC2Mid.Core.Imaging;

namespace SC2Mid.Core.Tests.Imaging;

public sealed class PalettePngDecoderTests
{
    [Theory]
    [InlineData(1, 2)]
    [InlineData(2, 4)]
    [InlineData(4, 16)]
    [InlineData(8, 40)]
    public void DecodeIndices_PillowFiles_MatchWrittenIndices(int bitDepth, int colourCount)
    {
        var bytes = File.ReadAllBytes(ImagingTestFiles.TestData($"palette-{bitDepth}bit.png"));
        var header = PngHeader.Read(bytes);

        using var indices = PalettePngDecoder.DecodeIndices(bytes, header);

        Assert.Equal(bitDepth, header.BitDepth);
        Assert.Equal(MatType.CV_8UC1, indices.Type());
        Assert.Equal(new Size(PaletteFixtures.Width, PaletteFixtures.Height), indices.Size());
        for (var y = 0; y < PaletteFixtures.Height; y++)
        {
            for (var x = 0; x < PaletteFixtures.Width; x++)
            {
                Assert.Equal(PaletteFixtures.Index(x, y, colourCount), indices.At<byte>(y, x));
            }
        }
    }

    public static TheoryData<int, bool, int, int> FilterAndInterlaceCases()
    {
        var cases = new TheoryData<int, bool, int, int>();
        foreach (var bitDepth in new[] { 1, 2, 4, 8 })
        {
            foreach (var interlaced in new[] { false, true })
            {
                cases.Add(bitDepth, interlaced, 37, 23);
                cases.Add(bitDepth, interlaced, 1, 1);
                cases.Add(bitDepth, interlaced, 3, 2);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(FilterAndInterlaceCases))]
    public void DecodeIndices_AllFiltersAndAdam7_MatchOpenCv(
        int bitDepth,
        bool interlaced,
        int width,
        int height)
    {
        var random = new Random((bitDepth * 100) + width);
        var expected = new byte[height, width];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                expected[y, x] = (byte)random.Next(1 << bitDepth);
            }
        }

        var palette = DistinctPalette(1 << bitDepth);
        var bytes = PalettePngWriter.Write(expected, bitDepth, palette, interlaced);

        using var colours = Cv2.ImDecode(bytes, ImreadModes.Color);
        using var indices = PalettePngDecoder.DecodeIndices(bytes, PngHeader.Read(bytes));

        Assert.Equal(new Size(width, height), indices.Size());
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                // libpng's colours check the writer, and the decoder must return the indices that were written.
                var (r, g, b) = palette[expected[y, x]];
                Assert.Equal(new Vec3b(b, g, r), colours.At<Vec3b>(y, x));
                Assert.Equal(expected[y, x], indices.At<byte>(y, x));
            }
        }
    }

    [Fact]
    public void DecodeIndices_DataEndsEarly_Throws()
    {
        var bytes = PalettePngWriter.Write(new byte[1, 4], 8, DistinctPalette(2), interlaced: false);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(20), 5);

        var error = Assert.Throws<InvalidDataException>(
            () => PalettePngDecoder.DecodeIndices(bytes, PngHeader.Read(bytes)));

        Assert.Contains("ends after 5 of 25 bytes", error.Message);
    }

    [Fact]
    public void DecodeIndices_UnknownFilterType_Throws()
    {
        var bytes = PalettePngWriter.Write(
            new byte[2, 4],
            8,
            DistinctPalette(2),
            interlaced: false,
            firstFilterType: 7);

        var error = Assert.Throws<InvalidDataException>(
            () => PalettePngDecoder.DecodeIndices(bytes, PngHeader.Read(bytes)));

        Assert.Contains("filter type 7 is unknown", error.Message);
    }

    [Fact]
    public void DecodeIndices_GreyPng_Throws()
    {
        using var grey = new Mat(2, 2, MatType.CV_8UC1, Scalar.All(0));
        Cv2.ImEncode(".png", grey, out var bytes);

        var error = Assert.Throws<InvalidDataException>(
            () => PalettePngDecoder.DecodeIndices(bytes, PngHeader.Read(bytes)));

        Assert.Contains("Colour type is 0", error.Message);
    }

    private static (byte R, byte G, byte B)[] DistinctPalette(int count) =>
        Enumerable.Range(0, count).Select(i => ((byte)i, (byte)(255 - i), (byte)(i * 7 % 256))).ToArray();
}
