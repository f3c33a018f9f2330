"""Over: what the explorer is, which Leidraad version it follows, what is known to be outdated, that
it is not an official publication, and how to report changes."""

from __future__ import annotations

import streamlit as st

from components.cache import current_content
from components.navigation import page_link
from components.panels.feedback import FEEDBACK_ADDRESS
from components.text import mailto, md
from leidraad.versions.review import review_due

LEIDRAAD_URL = "https://www.dienstterugkeerenvertrek.nl/over-dtv/leidraad-terugkeer-en-vertrek"


def render() -> None:
    model = current_content().model
    st.title("Over de LTV Procesverkenner")
    st.markdown(
        "De Procesverkenner maakt de [Leidraad Terugkeer en Vertrek](" + LEIDRAAD_URL + ") verkenbaar als "
        "procesdiagrammen: per proces wie wat doet, wie op welk moment verantwoordelijk is, wat er tussen "
        "organisaties wordt overgedragen en welke mogelijkheden elke organisatie heeft om vertrek te ondersteunen."
    )
    st.warning(
        "Dit is **geen officiële publicatie** van de Dienst Terugkeer en Vertrek en **geen protocol** of "
        "convenant. Net als de Leidraad zelf is het een naslagwerk voor momenten waarop de samenwerking in de "
        "keten verduidelijking vraagt. Bij twijfel gaat de tekst van de Leidraad voor.",
        icon="⚖️",
    )
    versions = sorted({p.sources_as_of for p in model.processes.values() if p.sources_as_of})
    reviewed = sorted({p.reviewed for p in model.processes.values() if p.reviewed})
    st.subheader("Welke versie")
    st.markdown(
        f"De inhoud volgt de Leidraad-versie van **{', '.join(versions) or 'onbekend'}** (de in oktober "
        "2021 herziene, webgebaseerde versie). "
        + (
            f"Laatste redactionele beoordeling: {', '.join(reviewed)}."
            if reviewed
            else "De redactieraad heeft deze weergave nog niet beoordeeld."
        )
    )
    st.subheader("Wat bekend verouderd is")
    outdated = [(p.title, n.label, n.outdated) for p in model.process_list() for n in p.nodes if n.outdated]
    outdated += [(p.title, "", p.outdated) for p in model.process_list() if p.outdated]
    outdated += [(o.abbreviation, "", o.outdated) for o in model.organisations.values() if o.outdated]
    outdated += [
        (e.name, "", e.outdated) for entries in model.catalogues.values() for e in entries.values() if e.outdated
    ]
    if outdated:
        st.markdown("\n".join(f"- **{md(a)}**{' – ' + md(b) if b else ''}: {md(c)}" for a, b, c in outdated))
    else:
        st.markdown("Er is niets als verouderd gemarkeerd.")
    unconfirmed = sum(1 for p in model.processes.values() for n in p.nodes if n.unconfirmed)
    st.markdown(
        f"Daarnaast zijn **{unconfirmed} stappen** gemarkeerd als *niet bevestigd*: de bronnen ondersteunen "
        "ze maar gedeeltelijk. De markering staat bij de stap zelf."
    )
    st.subheader("De kwartaalreview")
    due = sum(1 for p in model.processes.values() if review_due(p.reviewed))
    st.markdown(
        "De Leidraad wordt doorlopend bijgehouden. Zo werkt de cyclus:\n\n"
        "1. Lezers geven wijzigingen door met de link *Wijziging doorgeven* bij elke stap. De mail noemt het "
        "proces, de stap, de inhoudsversie die de lezer zag en een link naar precies die weergave.\n"
        "2. De redactieraad verzamelt de meldingen en beoordeelt en verwerkt ze **eens per drie maanden**.\n"
        "3. Na de review van een proces zet de redactie de datum in het procesbestand "
        "(`leidraad review PROCES --date JJJJ-MM-DD`, het veld `reviewed`) en legt de wijziging vast in git; "
        "een tag per kwartaal (zoals `v2026-Q3`) markeert de versie.\n"
        "4. Een proces dat in de afgelopen drie maanden niet is beoordeeld, krijgt het label "
        ":orange-badge[Review nodig] met de datum van de laatste review, op het overzicht en op de procespagina. "
        f"Nu geldt dat voor **{due} van de {len(model.processes)}** processen.\n"
        "5. Wat er tussen twee versies veranderde, staat per proces op de pagina *Wijzigingen*: op het diagram "
        "(nieuw, gewijzigd, vervallen) en als lijst van velden met hun oude en nieuwe waarde. "
        "`leidraad changelog` schrijft dezelfde wijzigingen per kwartaal als tekst voor de changelog, en "
        "`leidraad review-status` toont per proces de laatste review en het aantal wijzigingen sindsdien."
    )
    page_link("wijzigingen", "Naar de wijzigingen", icon=":material/difference:")
    st.subheader("Wijzigingen doorgeven")
    st.markdown(
        "Zijn er afspraken gewijzigd, of klopt iets niet? Mail de redactieraad van de Leidraad: "
        f"[{FEEDBACK_ADDRESS}]({mailto(FEEDBACK_ADDRESS, 'LTV Procesverkenner: wijziging')}). Elke stap "
        "heeft ook een eigen link *Wijziging doorgeven*. Eens per drie maanden worden wijzigingen "
        "beoordeeld en verwerkt."
    )
