namespace SC2Mid.Plugins.Glcm;

/// <summary>Which library's definitions of the angles, the energy and the homogeneity the plugin follows.</summary>
internal enum GlcmConvention
{
    /// <summary>
    /// scikit-image 0.19.3 <c>graycomatrix</c>/<c>graycoprops</c>: the pixel (r, c) pairs with
    /// (r + round(d·sin θ), c + round(d·cos θ)), energy = √ASM, homogeneity = Σ p/(1 + (i − j)²).
    /// </summary>
    Skimage,

    /// <summary>
    /// MATLAB <c>graycomatrix</c>/<c>graycoprops</c>: offsets [0 D; −D D; −D 0; −D −D] in (row, column), so the
    /// pixel (r, c) pairs with (r, c + D), (r − D, c + D), (r − D, c), (r − D, c − D); energy = ASM,
    /// homogeneity = Σ p/(1 + |i − j|).
    /// </summary>
    Matlab,
}
