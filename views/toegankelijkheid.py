"""Page script: see components/pages/toegankelijkheid.py."""

from components.pages.toegankelijkheid import render

render()
