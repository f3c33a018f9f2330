"""Page script: see components/pages/wijzigingen.py."""

from components.pages.wijzigingen import render

render()
