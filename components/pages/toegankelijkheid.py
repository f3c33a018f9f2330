"""Toegankelijkheid: the accessibility statement, in the structure of the Dutch government model
(toegankelijkheidsverklaring: standard and status, what was tested, how and when, known limitations,
contact). The figures it names are kept true by tests/a11y (the axe version, the pages and sizes)."""

from __future__ import annotations

import streamlit as st

from components.panels.feedback import FEEDBACK_ADDRESS
from components.text import mailto

STANDARD = "WCAG 2.1 niveau AA (EN 301 549, Besluit digitale toegankelijkheid overheid)"
STATUS = "C: eerste maatregelen genomen"
TESTED_ON = "2 december 2026"
AXE_VERSION = "4.14.1"
TESTED_SIZES = ("1366 × 900 px", "320 px breed", "200 % zoom", "400 % zoom", "tekstafstand volgens WCAG 1.4.12")
TESTED_PAGES = (
    "Overzicht",
    "Proces (diagram, met een gekozen stap, met een filter, als lijst en als tekst)",
    "Organisaties (lijst en één organisatie)",
    "Koppelvlakken (matrix en de lijst achter een cel)",
    "Catalogi",
    "Zoeken",
    "Training (keuze en een casus in presentatiemodus)",
    "Quiz (vragen en nakijken)",
    "BPMN importeren",
    "Over",
    "Toegankelijkheid",
)
LIMITATIONS = (
    "Het procesdiagram is een tekening. Met Tab en de pijltjestoetsen volg je de stappen, de toets K leest de "
    "keuzes van een beslispunt voor en elke verplaatsing wordt aangekondigd. De volledige inhoud staat ook in de "
    "**tekstweergave** (link *Naar de tekstweergave* boven elk diagram). Op een smal scherm verschuif je het "
    "diagram binnen zijn eigen kader; de rest van de pagina schuift niet opzij.",
    "De app draait op Streamlit. Dat levert de pagina eerst met de taal Engels aan; een script zet de taal direct "
    "daarna op Nederlands. Een hulpmiddel dat de pagina in die eerste fractie van een seconde leest, kan de "
    "verkeerde uitspraak kiezen.",
    "Wisselen van thema laadt de pagina opnieuw. Het proces, de stap en de weergave blijven staan (ze staan in "
    "het adres), maar antwoorden in een lopende quiz of casus gaan verloren.",
    "De downloads (PDF-hand-outs, BPMN-, CSV- en SVG-bestanden) zijn niet op toegankelijkheid onderzocht. "
    "De PDF's zijn geen PDF/UA. Dezelfde inhoud staat toegankelijk in de app zelf.",
    "Er is nog niet getest met schermlezers als NVDA, JAWS of VoiceOver, en niet door een onafhankelijke "
    "partij. Getest is met de toegankelijkheidsboom van Chromium, zoals een schermlezer die uitleest.",
)


def render() -> None:
    st.title("Toegankelijkheidsverklaring")
    st.markdown(
        "De makers van de LTV Procesverkenner willen dat iedereen in de migratieketen de verkenner kan "
        "gebruiken: ook met een schermlezer, alleen met het toetsenbord, vergroot tot 400 % of op een telefoon. "
        "Deze verklaring volgt de opbouw van het modelformulier voor toegankelijkheidsverklaringen van de "
        "Nederlandse overheid. De Procesverkenner is geen officiële publicatie van DT&V."
    )
    st.header("Standaard en status")
    st.markdown(f"- **Standaard:** {STANDARD}\n- **Status:** {STATUS}\n- **Laatst getest:** {TESTED_ON}")
    st.markdown(
        "Status C betekent: de verkenner is zelf onderzocht en de gevonden problemen zijn opgelost, maar er is "
        "nog geen volledig onderzoek door een onafhankelijke deskundige volgens de WCAG-EM-methode. Zodra dat "
        "er is, wordt deze verklaring bijgewerkt."
    )
    st.header("Wat is getest, hoe en wanneer")
    st.markdown(
        f"Op {TESTED_ON} en bij elke wijziging van de software draaien geautomatiseerde tests in Chromium:\n\n"
        f"- **axe-core {AXE_VERSION}** met alle regels voor WCAG 2.0 en 2.1, niveau A en AA, in het lichte en "
        "het donkere thema. Uitkomst: **0 overtredingen** op alle onderstaande pagina's en toestanden. Dat de "
        "test echt iets vindt, wordt telkens bewezen met een opzettelijk te lichte tekst.\n"
        "- **Herschikken en vergroten** (WCAG 1.4.10 en 1.4.12): elke pagina bij "
        + ", ".join(TESTED_SIZES)
        + "; buiten het diagram schuift niets horizontaal.\n"
        "- **Alleen toetsenbord:** een proces openen, een stap kiezen, een overdracht naar een ander proces "
        "volgen, filteren, zoeken, een casus doorlopen en een quiz beantwoorden.\n"
        "- **Het diagram zonder te kijken:** de naam van elke stap (zichtbare tekst, rol, organisatie, "
        "positie) en de aankondigingen bij het volgen van de stromen, uitgelezen uit de toegankelijkheidsboom."
    )
    st.markdown("Onderzochte pagina's:\n\n" + "\n".join(f"- {p}" for p in TESTED_PAGES))
    st.header("Bekende beperkingen")
    st.markdown("\n".join(f"- {item}" for item in LIMITATIONS))
    st.header("Een probleem melden")
    st.markdown(
        "Kun je iets niet gebruiken, lezen of bedienen? Laat het weten, met de pagina en wat je probeerde: "
        f"[{FEEDBACK_ADDRESS}]({mailto(FEEDBACK_ADDRESS, 'LTV Procesverkenner: toegankelijkheid')}). "
        "De redactieraad beoordeelt meldingen elk kwartaal, een blokkerend probleem eerder."
    )
    st.markdown("Ben je niet tevreden over de afhandeling? Dan kun je je wenden tot de Nationale ombudsman.")
    st.header("Instellingen")
    st.markdown(
        "Onderaan elke pagina kies je een **licht** of **donker** thema, of het thema van je systeem; de keuze "
        "wordt in deze browser bewaard. De app volgt de instelling *minder beweging* van je systeem. Een "
        "afdruk is altijd zwart op wit."
    )
