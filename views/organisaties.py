"""Page script: see components/pages/organisaties.py."""

from components.pages.organisaties import render

render()
