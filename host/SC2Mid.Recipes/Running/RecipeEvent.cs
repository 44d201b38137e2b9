namespace SC2Mid.Recipes.Running;

/// <summary>Something a running recipe reported; the subtypes are the kinds a host can show.</summary>
public abstract record RecipeEvent;
