namespace SC2Mid.Plugins.Hog;

/// <summary>
/// Block normalisation of scikit-image 0.19.3 <c>hog</c>, with ε = 1e-5 and v the block's cell histograms.
/// </summary>
internal enum HogBlockNorm
{
    /// <summary>v / (Σ|v| + ε).</summary>
    L1,

    /// <summary>√(v / (Σ|v| + ε)).</summary>
    L1Sqrt,

    /// <summary>v / √(Σv² + ε²).</summary>
    L2,

    /// <summary>L2, then every value clipped at 0.2, then L2 again (Lowe's hysteresis).</summary>
    L2Hys,
}
