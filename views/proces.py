"""Page script: see components/pages/proces.py."""

from components.pages.proces import render

render()
