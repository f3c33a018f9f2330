"""Files for people and tools outside the app: images, CSV tables, the model as JSON and the hand-outs."""
