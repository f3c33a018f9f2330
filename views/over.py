"""Page script: see components/pages/over.py."""

from components.pages.over import render

render()
