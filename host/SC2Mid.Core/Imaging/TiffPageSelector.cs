namespace SC2Mid.Core.Imaging;

/// <summary>
/// Chooses the page to decode. OpenCV decodes only the first page of an in-memory TIFF, so page N is selected by
/// pointing a copy of the header at directory N.
/// </summary>
internal static class TiffPageSelector
{
    /// <summary>Bytes to decode and page numbers for one file.</summary>
    /// <param name="Bytes">The file bytes, or a copy whose TIFF header points at the chosen directory.</param>
    /// <param name="PageCount">Pages in the file: the TIFF directory count, 1 for other formats.</param>
    /// <param name="PageUsed">1-based page that <paramref name="Bytes"/> decodes to.</param>
    /// <param name="Directory">The chosen TIFF directory, or null for other formats.</param>
    public sealed record Selection(byte[] Bytes, int PageCount, int PageUsed, TiffDirectory? Directory);

    /// <summary>Selects <paramref name="requestedPage"/>, or page 1 with a warning when a TIFF has several.</summary>
    /// <exception cref="ImageLoadException">The requested page is beyond the last page.</exception>
    public static Selection Select(ImageFile file, int? requestedPage, List<string> warnings)
    {
        var tiff = file.Format == ImageFormats.Tiff ? TiffStructure.TryRead(file.Bytes) : null;
        if (tiff?.ChainError is { } chainError)
        {
            warnings.Add(
                $"The TIFF page chain is damaged ({chainError}); only the first {tiff.Directories.Count} "
                + "page(s) can be read.");
        }

        var directories = tiff?.Directories ?? [];
        var pageCount = Math.Max(directories.Count, 1);
        var page = requestedPage ?? 1;
        if (page > pageCount)
        {
            throw new ImageLoadException(file.Path, DescribeMissingPage(file.Format, page, pageCount));
        }

        if (requestedPage is null && pageCount > 1)
        {
            warnings.Add(
                $"The file has {pageCount} pages; page 1 was read. Set the page option (--page) to read another.");
        }

        var directory = directories.Count > 0 ? directories[page - 1] : null;
        var bytes = page == 1 ? file.Bytes : tiff!.WithFirstDirectory(page - 1);
        return new Selection(bytes, pageCount, page, directory);
    }

    private static string DescribeMissingPage(string format, int page, int pageCount)
    {
        if (format != ImageFormats.Tiff)
        {
            return $"Page {page} was requested, but a {format.ToUpperInvariant()} file has only 1 page; "
                + "only TIFF files can have several. Leave the page option unset or set it to 1.";
        }

        return pageCount == 1
            ? $"Page {page} was requested, but the TIFF file has only 1 page. "
                + "Leave the page option unset or set it to 1."
            : $"Page {page} was requested, but the TIFF file has {pageCount} pages. "
                + $"Choose a page from 1 to {pageCount}.";
    }
}
