namespace SC2Mid.Recipes;

/// <summary>Progress reported by a recipe: after each image of an extraction, or by the recipe itself.</summary>
/// <param name="Completed">Steps finished so far.</param>
/// <param name="Total">Steps in all, or 0 when unknown.</param>
/// <param name="Message">What just finished, for example <c>cryoet/TS_001.133.tif: ok</c>.</param>
public sealed record RecipeProgress(int Completed, int Total, string Message);
