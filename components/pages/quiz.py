"""Quiz: questions generated from the model and the cases. The same URL gives the same quiz, so a
trainer can hand a whole room one link; the answer key is one click away for the trainer."""

from __future__ import annotations

import random

import streamlit as st

from components.cache import current_content, quiz_pool
from components.navigation import page_link, query_param, step_link
from components.panels.live_quiz import live_quiz
from components.text import md
from leidraad.model import Model
from leidraad.quiz.generator import answer_key, generate_quiz
from leidraad.quiz.templates import LETTERS, Question

MAX_QUESTIONS = 30


def _int(value: str | None, default: int, low: int, high: int) -> tuple[int, bool]:
    if value is None:
        return default, True
    if not value.isdigit():
        return default, False
    return max(low, min(high, int(value))), True


def render() -> None:
    model = current_content().model
    st.title("Quiz")
    seed, ok_seed = _int(query_param("seed"), 0, 0, 10**9)
    count, ok_count = _int(query_param("aantal"), 10, 1, MAX_QUESTIONS)
    process = query_param("proces")
    org = query_param("org")
    if not (ok_seed and ok_count):
        st.warning("De parameters ‘seed’ en ‘aantal’ moeten hele getallen zijn; standaardwaarden gebruikt.", icon="🔎")
    if process and process not in model.processes:
        st.warning(f"Het proces “{process}” bestaat niet; de quiz gaat over alle processen.", icon="🔎")
        process = None
    if org and org not in model.organisations:
        st.warning(f"De organisatie “{org}” bestaat niet; de quiz gaat over alle organisaties.", icon="🔎")
        org = None
    if query_param("seed") is None or not ok_seed:
        seed = random.SystemRandom().randint(1, 99999)
    st.query_params.update({"seed": str(seed), "aantal": str(count)})
    if process:
        st.query_params["proces"] = process
    if org:
        st.query_params["org"] = org

    params = {"seed": str(seed), "aantal": str(count), **({"proces": process} if process else {})}
    params |= {"org": org} if org else {}
    st.markdown(f"### Quiznummer {seed}")
    st.caption("Iedereen die dit nummer invult (of de link deelt), krijgt dezelfde vragen in dezelfde volgorde.")
    questions = generate_quiz(model, seed=seed, count=count, process=process, org=org, pool=quiz_pool())
    if not questions:
        st.info("Met deze keuzes zijn er geen vragen te maken. Kies een ander proces of een andere organisatie.")
        return
    version = query_param("versie")
    if query_param("sleutel") == "1" or version in ("sleutel", "deelnemer"):
        st.html(PRINT_CSS)
        if version == "deelnemer":
            _participant_version(questions, seed)
        else:
            _answer_key(questions, seed)
        page_link("quiz", "Terug naar de quiz", icon=":material/arrow_back:", **params)
        return
    _settings(model, seed, count, process, org, params)
    if live_quiz(questions, seed, count, process, org):
        return
    _quiz_form(questions, seed)


# Printing the key or the participant version: only the questions, no navigation or trainer controls.
PRINT_CSS = """<style>
@media print {
  [data-testid="stSidebar"], [data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stPageLink"],
  [data-testid="stDownloadButton"], [data-testid="stExpander"], [data-testid="stForm"], .stButton,
  [data-testid="stCaptionContainer"] { display: none !important; }
  [data-testid="stMain"] { margin: 0 !important; }
}
</style>"""


def _answer_key(questions: list[Question], seed: int) -> None:
    st.subheader(f"Antwoordsleutel bij quiznummer {seed}")
    st.markdown(
        "\n".join(
            f"{i}. {md(q.text)}  \n**{q.answer_letter}. {md(q.answer)}**"
            + (f"  \n*{md(q.explanation)}*" if q.explanation else "")
            for i, q in enumerate(questions, start=1)
        )
    )
    st.download_button(
        "Antwoordsleutel downloaden (tekst)",
        answer_key(questions, title=f"Antwoordsleutel bij quiznummer {seed}"),
        file_name=f"quiz-{seed}-sleutel.txt",
        mime="text/plain",
    )


def _participant_version(questions: list[Question], seed: int) -> None:
    st.subheader(f"Quiz {seed}: vragen voor deelnemers")
    st.markdown(
        "\n\n".join(
            f"**{i}. {md(q.text)}**  \n" + "  \n".join(f"{LETTERS[j]}. {md(c)}" for j, c in enumerate(q.choices))
            for i, q in enumerate(questions, start=1)
        )
    )


def _open_number(params: dict[str, str]) -> None:
    number = st.session_state.get("quiznummer")
    if number is not None:
        st.query_params.update({**params, "seed": str(int(number))})


def _settings(
    model: Model, seed: int, count: int, process: str | None, org: str | None, params: dict[str, str]
) -> None:
    st.number_input(
        "Quiznummer invullen",
        min_value=0,
        max_value=10**9,
        value=None,
        step=1,
        key="quiznummer",
        placeholder="bijvoorbeeld het nummer dat de trainer noemt",
        on_change=_open_number,
        args=(params,),
        width=320,
    )
    with st.expander("Voor de trainer: quiz samenstellen en delen"):
        st.markdown(
            f"Noem het quiznummer **{seed}** of deel de link uit de adresbalk: iedereen krijgt dezelfde vragen "
            "in dezelfde volgorde."
        )
        with st.container(horizontal=True):
            page_link("quiz", "Antwoordsleutel (afdrukbaar)", icon=":material/key:", **params, versie="sleutel")
            page_link(
                "quiz", "Versie voor deelnemers (afdrukbaar)", icon=":material/print:", **params, versie="deelnemer"
            )
        with st.form("quiz-instellingen", border=False):
            processes = [None, *[p.id for p in model.process_list()]]
            orgs = [None, *model.organisations]
            new_process = st.selectbox(
                "Proces",
                processes,
                index=processes.index(process),
                format_func=lambda p: model.processes[p].title if p else "Alle processen",
            )
            new_org = st.selectbox(
                "Organisatie",
                orgs,
                index=orgs.index(org),
                format_func=lambda o: model.organisations[o].abbreviation if o else "Alle",
            )
            new_count = st.slider("Aantal vragen", 1, MAX_QUESTIONS, count)
            if st.form_submit_button("Nieuwe quiz"):
                st.query_params.clear()
                st.query_params.update({"seed": str(random.SystemRandom().randint(1, 99999)), "aantal": str(new_count)})
                if new_process:
                    st.query_params["proces"] = new_process
                if new_org:
                    st.query_params["org"] = new_org
                st.rerun()


def _quiz_form(questions: list[Question], seed: int) -> None:
    with st.form(f"quiz-{seed}-{len(questions)}"):
        answers = []
        for i, q in enumerate(questions, start=1):
            answers.append(st.radio(f"{i}. {q.text}", q.choices, index=None, key=f"vraag-{seed}-{q.id}"))
        submitted = st.form_submit_button("Nakijken", type="primary")
    if not submitted:
        return
    wrong = [
        (i, q, a)
        for i, (q, a) in enumerate(zip(questions, answers, strict=True), start=1)
        if a != q.choices[q.answer_index]
    ]
    score = len(questions) - len(wrong)
    st.subheader(f"Score: {score} van {len(questions)}")
    st.progress(score / len(questions))
    for i, q, a in wrong:
        with st.container(border=True):
            st.markdown(f"**{i}. {md(q.text)}**")
            st.markdown(f"Jouw antwoord: {md(a) if a else '(geen)'} · Goed: **{md(q.choices[q.answer_index])}**")
            st.caption(md(q.feedback_for(a)))
            if q.step_ref:
                step_link("Bekijk de stap in de verkenner", q.step_ref)
