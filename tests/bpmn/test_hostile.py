"""Hostile or broken BPMN files give one clear error, quickly, and read nothing from disk."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from lxml import etree

from leidraad.bpmn.importer import BpmnImportError, import_bpmn, import_bpmn_files
from leidraad.bpmn.xml import MAX_BYTES, MAX_ELEMENTS, MODEL, _parser, parse_bpmn_bytes, sanitize_id
from leidraad.cli.main import main

SECRET = "geheim-7f3a9c"


def bpmn(body: str, prolog: str = "") -> bytes:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>{prolog}<definitions xmlns="{MODEL}" id="d" '
        f'targetNamespace="urn:x">{body}</definitions>'
    ).encode()


def minimal(task_name: str = "Taak") -> str:
    return (
        f'<process id="p"><startEvent id="s"/><task id="t" name="{task_name}"/><endEvent id="e"/>'
        '<sequenceFlow id="f1" sourceRef="s" targetRef="t"/><sequenceFlow id="f2" sourceRef="t" targetRef="e"/>'
        "</process>"
    )


def refused(data: bytes, name: str = "x.bpmn") -> str:
    started = time.perf_counter()
    with pytest.raises(BpmnImportError) as exc:
        import_bpmn([(name, data)])
    assert time.perf_counter() - started < 2, "a refusal must be quick"
    message = str(exc.value)
    assert "\n" not in message and SECRET not in message
    return message


@pytest.fixture
def secret_file(tmp_path: Path) -> Path:
    path = tmp_path / "secret.txt"
    path.write_text(SECRET, encoding="utf-8")
    return path


def test_external_entity_is_refused_and_nothing_is_read(secret_file: Path) -> None:
    prolog = f'<!DOCTYPE definitions [<!ENTITY x SYSTEM "file://{secret_file}">]>'
    data = bpmn(minimal("&x;"), prolog)
    assert "DOCTYPE" in refused(data)
    # Defence in depth: even past the DOCTYPE check, our parser neither loads nor expands the entity.
    in_text = bpmn('<process id="p"><documentation>&x;</documentation></process>', prolog)
    root = etree.fromstring(in_text, _parser())
    assert SECRET not in etree.tostring(root, encoding="unicode")


def test_external_entity_in_utf16_is_refused(secret_file: Path) -> None:
    prolog = f'<!DOCTYPE definitions [<!ENTITY x SYSTEM "file://{secret_file}">]>'
    text = bpmn(minimal("&x;"), prolog).decode().replace('encoding="UTF-8"', 'encoding="UTF-16"')
    assert "DOCTYPE" in refused(text.encode("utf-16"))


def test_billion_laughs_is_refused_quickly() -> None:
    entities = '<!ENTITY a0 "ha">' + "".join(f'<!ENTITY a{i} "{f"&a{i - 1};" * 10}">' for i in range(1, 10))
    assert "DOCTYPE" in refused(bpmn(minimal("&a9;"), f"<!DOCTYPE definitions [{entities}]>"))


def test_a_50_mib_file_is_refused_before_it_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    big = tmp_path / "big.bpmn"
    with big.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    opened = []
    original_open = Path.open
    monkeypatch.setattr(Path, "open", lambda self, *a, **k: opened.append(self) or original_open(self, *a, **k))
    started = time.perf_counter()
    with pytest.raises(BpmnImportError, match="limit is"):
        import_bpmn_files([big])
    assert time.perf_counter() - started < 1
    assert big not in opened
    # the same cap for bytes handed over directly (an upload)
    with pytest.raises(BpmnImportError, match="limit is"):
        parse_bpmn_bytes(b" " * (MAX_BYTES + 1))


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"dit is geen XML", "not well-formed XML"),
        (b"", "empty"),
        (b"<definitions><task>", "not well-formed XML"),
        (b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>', "not BPMN 2.0"),
        (bpmn(""), "no process with steps"),
    ],
)
def test_broken_files_give_a_clear_error(data: bytes, expected: str) -> None:
    assert expected in refused(data)


def test_too_many_elements_are_refused() -> None:
    body = "<process id='p'>" + "<documentation/>" * (MAX_ELEMENTS + 1) + "</process>"
    assert "elements" in refused(bpmn(body))


def test_the_cli_prints_one_line_and_exits_1(tmp_path: Path, secret_file: Path, capsys) -> None:
    hostile = tmp_path / "hostile.bpmn"
    hostile.write_bytes(bpmn(minimal("&x;"), f'<!DOCTYPE d [<!ENTITY x SYSTEM "file://{secret_file}">]>'))
    assert main(["import", "bpmn", str(hostile), "-o", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("leidraad: cannot import:") and "Traceback" not in err
    assert SECRET not in err and not (tmp_path / "out").exists()
    assert main(["import", "bpmn", str(tmp_path / "bestaat-niet.bpmn"), "-o", str(tmp_path / "out")]) == 1
    assert capsys.readouterr().err.startswith("leidraad: cannot import: cannot read")


def test_foreign_ids_become_safe_unique_ids(tmp_path: Path) -> None:
    body = (
        '<process id="p"><startEvent id="S&lt;script&gt;"/><task id="T &quot;1&quot;" name="&lt;b&gt;x"/>'
        '<task id="t-1" name="y"/><endEvent id="E"/>'
        '<sequenceFlow id="a" sourceRef="S&lt;script&gt;" targetRef="T &quot;1&quot;"/>'
        '<sequenceFlow id="b" sourceRef="T &quot;1&quot;" targetRef="t-1"/>'
        '<sequenceFlow id="c" sourceRef="t-1" targetRef="E"/></process>'
    )
    result = import_bpmn([("ids.bpmn", bpmn(body))])
    ids = [n.id for n in result.processes[0].nodes.values()]
    assert ids == ["s_script", "t_1", "t-1", "e"]
    assert sanitize_id("T_1", {"t_1"}) == "t_1_2"
    checked = result.checked()
    assert not [p for p in checked.problems if p.is_error]
