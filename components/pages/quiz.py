"""Quiz: questions generated from the model and the cases. The same URL gives the same quiz, so a
trainer can hand a whole room one link; the answer key is one click away for the trainer."""

from __future__ import annotations

import random

import streamlit as st

from components.cache import current_content
from components.navigation import page_link, query_param, step_link
from components.text import md
from leidraad.model import Model
from leidraad.quiz.generator import answer_key, generate_quiz
from leidraad.quiz.templates import Question

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

    _settings(model, seed, count, process, org)
    questions = generate_quiz(model, seed=seed, count=count, process=process, org=org)
    if not questions:
        st.info("Met deze keuzes zijn er geen vragen te maken. Kies een ander proces of een andere organisatie.")
        return
    if query_param("sleutel") == "1":
        st.subheader("Antwoordsleutel")
        st.markdown(
            "\n".join(
                f"{i}. {md(q.text)}  \n**{md(q.choices[q.answer_index])}**"
                + (f"  \n*{md(q.explanation)}*" if q.explanation else "")
                for i, q in enumerate(questions, start=1)
            )
        )
        st.download_button(
            "Antwoordsleutel downloaden (tekst)",
            answer_key(questions),
            file_name=f"quiz-{seed}-sleutel.txt",
            mime="text/plain",
        )
        page_link(
            "quiz",
            "Terug naar de quiz",
            icon=":material/arrow_back:",
            seed=str(seed),
            aantal=str(count),
            **({"proces": process} if process else {}),
            **({"org": org} if org else {}),
        )
        return
    _quiz_form(questions, seed)


def _settings(model: Model, seed: int, count: int, process: str | None, org: str | None) -> None:
    with st.expander("Voor de trainer: quiz samenstellen en delen"):
        st.markdown(
            "Iedereen die dezelfde link opent, krijgt dezelfde vragen in dezelfde volgorde. Deel de link "
            "uit de adresbalk."
        )
        params = {"seed": str(seed), "aantal": str(count)}
        if process:
            params["proces"] = process
        if org:
            params["org"] = org
        page_link("quiz", "Antwoordsleutel (afdrukbaar)", icon=":material/key:", **params, sleutel="1")
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
            if q.explanation:
                st.caption(md(q.explanation))
            if q.step_ref:
                step_link("Bekijk de stap in de verkenner", q.step_ref)
