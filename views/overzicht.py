"""Page script: see components/pages/overzicht.py."""

from components.pages.overzicht import render

render()
