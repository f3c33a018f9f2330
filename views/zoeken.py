"""Page script: see components/pages/zoeken.py."""

from components.pages.zoeken import render

render()
