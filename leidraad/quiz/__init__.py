"""Quiz questions generated from the model and the training cases: kinds, distractors and templates."""
