namespace SC2Mid.Core.Extraction;

/// <summary>Progress of a batch after one more image finished.</summary>
/// <param name="Completed">Images finished so far, including failed ones.</param>
/// <param name="Total">Images in the batch.</param>
/// <param name="Last">The image that just finished.</param>
public sealed record BatchProgress(int Completed, int Total, ImageResult Last);
