"""Paper: every PDF with a diagram prints its text at >= 8 pt, no word is clipped, no page but the
last is mostly blank. Word sizes come from `pdftotext -bbox`; ink from the page rendered by
`pdftoppm` (a clipped word keeps its text in the PDF but loses the ink at one end)."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from leidraad.cli.main import main
from leidraad.exports.case_handout import scenario_pdf
from leidraad.exports.quiz_sheet import quiz_pdf
from leidraad.exports.tiling import A3_LANDSCAPE, OVERLAP_Y_PX, PT_PER_PX, plan
from leidraad.quiz.generator import generate_quiz
from tests.conftest import CONTENT, require

DPI = 100
MIN_PT = 8.0
WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')
PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.S)


@dataclass(frozen=True)
class Word:
    page: int
    x0: float
    y0: float
    x1: float
    y1: float
    text: str


def words(pdf: Path) -> tuple[list[Word], list[tuple[float, float]]]:
    require(shutil.which("pdftotext") is not None, "pdftotext (Debian package poppler-utils)")
    xml = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    found, sizes = [], []
    for n, (w, h, body) in enumerate(PAGE.findall(xml)):
        sizes.append((float(w), float(h)))
        for x0, y0, x1, y1, text in WORD.findall(body):
            found.append(Word(n, float(x0), float(y0), float(x1), float(y1), text))
    return found, sizes


def pages_as_images(pdf: Path, tmp: Path) -> list:
    from PIL import Image

    require(shutil.which("pdftoppm") is not None, "pdftoppm (Debian package poppler-utils)")
    subprocess.run(["pdftoppm", "-r", str(DPI), "-gray", "-png", str(pdf), str(tmp / "p")], check=True)
    return [Image.open(p).convert("L") for p in sorted(tmp.glob("p-*.png"), key=lambda p: int(p.stem.split("-")[-1]))]


def ink_fraction(image) -> float:
    """The share of pixel rows that hold anything but white."""
    width, height = image.size
    data = image.tobytes()
    inked = sum(1 for y in range(height) if min(data[y * width : (y + 1) * width]) < 245)
    return inked / height


def has_ink(image, x0: float, y0: float, x1: float, y1: float) -> bool:
    s = DPI / 72
    box = (int(x0 * s), int(y0 * s), max(int(x1 * s), int(x0 * s) + 1), max(int(y1 * s), int(y0 * s) + 1))
    return min(image.crop(box).tobytes(), default=255) < 150


def check_pdf(pdf: Path, tmp: Path, section_titles: tuple[str, ...] = ()) -> dict[str, float]:
    """`section_titles`: headings that start on a page of their own; the page before each may end
    part-empty, like the last page."""
    found, sizes = words(pdf)
    assert found, "the PDF has text"
    small = [w for w in found if w.y1 - w.y0 < MIN_PT]
    assert not small, f"words under {MIN_PT} pt: {[(w.text, round(w.y1 - w.y0, 1)) for w in small[:8]]}"
    images = pages_as_images(pdf, tmp)
    assert len(images) == len(sizes)
    # A word cut by a sheet's edge is whole on the neighbouring tile (they overlap): every word must
    # be printed whole somewhere. A word clipped by the renderer is clipped everywhere.
    whole, cut = set(), set()
    for w in found:
        text = w.text.strip(".,;:()?!'\"–-→←↑↓")
        if len(text) < 3 or text != w.text:
            # punctuation at an end has little ink; the word is checked without it where it recurs
            whole.add(text)
            continue
        quarter = (w.x1 - w.x0) / 4
        image = images[w.page]
        if has_ink(image, w.x0, w.y0, w.x0 + quarter, w.y1) and has_ink(image, w.x1 - quarter, w.y0, w.x1, w.y1):
            whole.add(text)
        else:
            cut.add(text)
    # (pdftotext reports a word cut by a sheet's edge as the part on the sheet: "Vertro" of "Vertrek")
    clipped = sorted(t for t in cut - whole if not any(f.startswith(t) or f.endswith(t) for f in whole))
    assert not clipped, f"words never printed whole (clipped): {clipped[:10]}"
    fills = [ink_fraction(image) for image in images]
    starts = section_starts(found, len(images), section_titles)
    blank = [n + 1 for n, f in enumerate(fills[:-1]) if f < 0.5 and n + 1 not in starts]
    assert not blank, f"mostly blank pages (ink on under half the rows): {blank} of {[round(f, 2) for f in fills]}"
    return {"pages": len(images), "min_word_pt": min(w.y1 - w.y0 for w in found), "last_page_fill": fills[-1]}


def section_starts(found: list[Word], pages: int, titles: tuple[str, ...]) -> set[int]:
    """The pages (0-based) whose first line is one of `titles`."""
    starts = set()
    for n in range(pages):
        on_page = sorted((w for w in found if w.page == n), key=lambda w: (round(w.y0), w.x0))
        if not on_page:
            continue
        first = " ".join(w.text for w in on_page if round(w.y0) == round(on_page[0].y0))
        if any(first and title.startswith(first) for title in titles):
            starts.add(n)
    return starts


@pytest.fixture
def tmp_pages(tmp_path: Path) -> Path:
    (tmp_path / "img").mkdir()
    return tmp_path / "img"


@pytest.mark.parametrize("process_id", ["toezicht-maatregelen", "calamiteiten-kct"])
def test_a3_process_handout_is_readable_and_full(process_id: str, tmp_path: Path, tmp_pages: Path, dot_available):
    out = tmp_path / "handout.pdf"
    assert main(["export", "handout", process_id, "--content", str(CONTENT), "-o", str(out)]) == 0
    figures = check_pdf(out, tmp_pages)
    print(f"A3 hand-out {process_id}: {figures}")


def test_process_pdf_export_is_readable_and_full(tmp_path: Path, tmp_pages: Path, dot_available) -> None:
    out = tmp_path / "diagram.pdf"
    assert main(["export", "pdf", "gedwongen-vertrek", "--content", str(CONTENT), "-o", str(out)]) == 0
    figures = check_pdf(out, tmp_pages)
    print(f"diagram PDF gedwongen-vertrek: {figures}")


@pytest.mark.parametrize("participant", [False, True])
def test_case_handout_both_versions(participant: bool, tmp_path: Path, tmp_pages: Path, content_model, dot_available):
    model = content_model.model
    with_choices = [s for s in model.scenarios.values() if any(step.choices for step in s.steps)]
    scenario = min(with_choices, key=lambda s: (len({step.process for step in s.steps}), len(s.steps)))
    out = tmp_path / "case.pdf"
    out.write_bytes(scenario_pdf(model, scenario, participant=participant))
    # each walked process starts on a page of its own: the text's last page may end part-empty
    titles = tuple(model.processes[p].title for p in dict.fromkeys(s.process for s in scenario.steps))
    figures = check_pdf(out, tmp_pages, section_titles=titles)
    assert figures["pages"] <= 16, figures
    print(f"case hand-out {scenario.id} participant={participant}: {figures}")
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    flat = " ".join(text.split())
    feedback = next(c.feedback for step in scenario.steps for c in step.choices if c.correct and c.feedback)
    snippet = " ".join(feedback.split()[:6])
    if participant:
        assert "✓" not in text and snippet not in flat, "the participants' version gives no answers"
        assert "Versie voor deelnemers" in flat
    else:
        assert "✓" in text and snippet in flat


def test_quiz_sheets_with_and_without_answers(tmp_path: Path, content_model) -> None:
    questions = generate_quiz(content_model.model, seed=7, count=8)
    texts = {}
    for answers in (False, True):
        out = tmp_path / f"quiz-{answers}.pdf"
        out.write_bytes(quiz_pdf(questions, title="Quiz", answers=answers))
        found, _ = words(out)
        assert min(w.y1 - w.y0 for w in found) >= MIN_PT
        texts[answers] = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    assert "☑" not in texts[False] and "☑" in texts[True]
    assert all(q.text.split()[0] in texts[False] for q in questions)


def test_the_tile_plan_keeps_text_at_8_pt_and_fills_pages() -> None:
    for width, height in [(4669, 700), (1516, 312), (1850, 1115), (3488, 818), (9000, 3000)]:
        chosen = plan(width, height, A3_LANDSCAPE)
        assert chosen.scale >= PT_PER_PX and 9 * chosen.scale >= MIN_PT
        tile_h = (height + (chosen.rows - 1) * OVERLAP_Y_PX) / chosen.rows * chosen.scale
        assert tile_h <= A3_LANDSCAPE.height
