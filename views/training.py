"""Page script: see components/pages/training.py."""

from components.pages.training import render

render()
