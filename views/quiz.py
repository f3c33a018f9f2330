"""Page script: see components/pages/quiz.py."""

from components.pages.quiz import render

render()
