"""BPMN importeren: upload a BPMN 2.0 file from another tool and preview it in our format.

Nothing is saved on the server: the page shows the imported processes (as pictures), what the
import could not take over, and offers the YAML files as a zip for an editor to review and add.
"""

from __future__ import annotations

import hashlib

import streamlit as st

from components.cache import bpmn_preview
from components.text import md

MAX_UPLOAD_MB = 5  # the same as server.maxUploadSize in .streamlit/config.toml


def render() -> None:
    st.title("BPMN importeren")
    st.markdown(
        "Laad een BPMN 2.0-bestand (bijvoorbeeld uit Camunda Modeler, Signavio of ARIS) om te zien hoe het er in "
        "de Procesverkenner uitziet. Pools en lanes worden organisaties, elk proces een procesbestand. Er wordt "
        "niets op de server bewaard: download de YAML-bestanden en laat een redacteur ze nakijken."
    )
    uploads = st.file_uploader(
        "BPMN-bestanden",
        type=["bpmn", "xml"],
        accept_multiple_files=True,
        max_upload_size=MAX_UPLOAD_MB,
        help=f"Eén of meer .bpmn-bestanden van elk hoogstens {MAX_UPLOAD_MB} MB.",
    )
    if not uploads:
        st.info("Kies een of meer .bpmn-bestanden om een voorbeeld te zien.")
        return
    files = tuple((u.name, u.getvalue()) for u in uploads)
    digest = hashlib.sha256(b"".join(hashlib.sha256(data).digest() for _, data in files)).hexdigest()
    result = bpmn_preview(digest, files)
    if result.error:
        st.error(f"Dit bestand kan niet worden geïmporteerd: {md(result.error)}", icon="⚠️")
        return
    st.success(
        f"{result.counts['processes']} proces(sen) en {result.counts['organisations']} organisatie(s) overgenomen."
    )
    st.download_button(
        "YAML-bestanden downloaden (zip)",
        data=result.zip_bytes,
        file_name="bpmn-import.zip",
        mime="application/zip",
        on_click="ignore",
        icon=":material/download:",
    )
    if result.problems:
        st.error("De controle vond fouten in het resultaat:\n\n" + "\n".join(f"- {md(p)}" for p in result.problems))
    with st.expander(
        f"Niet (of anders) overgenomen: {len(result.warnings)} melding(en)", expanded=bool(result.warnings)
    ):
        if result.warnings:
            st.markdown("\n".join(f"- {md(w)}" for w in result.warnings))
        else:
            st.markdown("Alles is overgenomen.")
    for process_id, title, png in result.pictures:
        st.subheader(md(title), anchor=False)
        st.caption(f"proces-id: {md(process_id)}")
        st.image(png)
