"""libyaml's syntax errors reach editors in Czech."""

from __future__ import annotations

import pytest

from lint.parse import parse_text
from lint.problem import Problem, Severity
from lint.report import render


@pytest.mark.parametrize(("text", "phrase"), [
    ('title: "Jednání\nstatus: held\n', "uvozovky otevřené na tomto řádku"),
    ("title: a: b\n", "dvojtečku s mezerou"),
    ("groups:\n  - rps\n bad: x\n", "pole na nejvyšší úrovni"),
    ("a: [1, 2\n", "závorka otevřená"),
    ("a: `x`\n", "nemůže začínat"),
    ("a: 1\n---\nb: 2\n", "jediný záznam"),
])
def test_syntax_errors_read_in_czech(text: str, phrase: str) -> None:
    _, findings = parse_text(text, "x.yaml")
    finding = next(f for f in findings if f.code == "KP101")
    problem = Problem("x.yaml", finding.line, finding.column, "KP101", Severity.ERROR,
                      finding.args)
    assert phrase in render(problem, "cs")[0]
    assert render(problem, "en")[0].startswith("YAML syntax error: ")


def test_unclosed_quote_points_where_it_opens() -> None:
    _, findings = parse_text('id: x\ntitle: "Jednání\nstatus: held\nnote: a\n', "x.yaml")
    assert [(f.code, f.line, f.column) for f in findings] == [("KP101", 2, 8)]
