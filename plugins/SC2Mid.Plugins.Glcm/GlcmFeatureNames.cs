using System.Globalization;

namespace SC2Mid.Plugins.Glcm;

/// <summary>
/// Names of the property features. The first distance of <c>glcm.distances</c> gets
/// <c>glcm.&lt;property&gt;.&lt;angle&gt;</c>, and every further distance d gets
/// <c>glcm.&lt;property&gt;.d&lt;d&gt;.&lt;angle&gt;</c>. The angle is 0, 45, 90, 135 or mean.
/// </summary>
internal static class GlcmFeatureNames
{
    /// <summary>Property names in output order.</summary>
    public static readonly string[] Properties =
        ["contrast", "dissimilarity", "homogeneity", "asm", "energy", "correlation"];

    /// <summary>Angle segments in output order: the four angles in degrees, then their mean.</summary>
    public static readonly string[] AngleSegments = ["0", "45", "90", "135", "mean"];

    /// <summary>Number of levels among the region's pixels after quantisation.</summary>
    public const string LevelsUsed = "glcm.levels_used";

    /// <summary>Number of matrices whose correlation was set to 1 by the flat-region rule.</summary>
    public const string FlatMatrices = "glcm.flat_matrices";

    /// <summary>The first distance, which the unsuffixed property names describe.</summary>
    public const string Distance = "glcm.distance";

    /// <summary>Returns the name of a property at an angle segment for the distance at a list position.</summary>
    public static string Of(string property, int distanceIndex, int distance, string angleSegment) =>
        distanceIndex == 0
            ? $"glcm.{property}.{angleSegment}"
            : string.Create(CultureInfo.InvariantCulture, $"glcm.{property}.d{distance}.{angleSegment}");
}
