namespace SC2Mid.Recipes.Running;

/// <summary>Progress of an extraction or of the recipe's own loop.</summary>
/// <param name="Progress">Steps done, steps in all and what just finished.</param>
public sealed record RecipeProgressEvent(RecipeProgress Progress) : RecipeEvent;
