"""Page script: see components/pages/meedoen.py."""

from components.pages.meedoen import render

render()
