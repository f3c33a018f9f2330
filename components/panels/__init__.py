"""The panels pages are built from: the step panel, the text view, the downloads, the content problems."""
