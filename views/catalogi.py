"""Page script: see components/pages/catalogi.py."""

from components.pages.catalogi import render

render()
