"""Page script: see components/pages/bpmn_import.py."""

from components.pages.bpmn_import import render

render()
