"""Page script: see components/pages/koppelvlakken.py."""

from components.pages.koppelvlakken import render

render()
