using OpenCvSharp;

namespace SC2Mid.Core.Imaging;

/// <summary>The pixels of one page of an image or mask file, as OpenCV decoded them.</summary>
/// <param name="Pixels">CV_8U or CV_16U matrix with 1, 3 or 4 channels; the caller disposes it.</param>
/// <param name="PageCount">Number of pages in the file.</param>
/// <param name="PageUsed">1-based page that was decoded.</param>
/// <param name="Warnings">Conditions found while decoding that did not stop it.</param>
internal sealed record DecodedPixels(Mat Pixels, int PageCount, int PageUsed, IReadOnlyList<string> Warnings);
