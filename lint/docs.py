"""Write docs/rules.md from the rules, the message catalogue and the rules' examples.

Run `python -m lint.docs > docs/rules.md`; a test fails when the file is out of date, so the
reference cannot drift from what the linter does.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

from lint.codes import names
from lint.examples import CASES, ELSEWHERE, cases
from lint.problem import Severity
from lint.rules import RULES
from messages import CATALOGUES

ROOT = Path(__file__).resolve().parent.parent
SEVERITY_CS = {Severity.ERROR: "chyba", Severity.WARNING: "varování", Severity.INFO: "poznámka"}

INTRO = """\
# Pravidla kontroly záznamů

Tento soubor je vygenerovaný: neupravujte ho ručně, ale spusťte
`python -m lint.docs > docs/rules.md`. Popisy pocházejí z pravidel v `lint/rules/`, zprávy
z `messages/cs.py` a `messages/en.py` a příklady ze složky `lint/cases/`, které testy spouštějí
(komentář `# expect: KPxxx` označuje řádek, na kterém linter problém hlásí).

Závažnost: **chyba** (error) zastaví sloučení změn; **varování** (warning) jen s volbou
`--strict`; **poznámka** (info) jen upozorňuje.
"""


def render() -> str:
    """The whole of docs/rules.md."""
    table = names()
    parts = [INTRO, "| kód | název | závažnost |", "| --- | --- | --- |"]
    parts += [f"| [{code}](#{code.lower()}) | {name} | {SEVERITY_CS[severity]} |"
              for code, (name, severity) in sorted(table.items())]
    for code in sorted(table):
        parts += ["", *_section(code, *table[code])]
    return "\n".join(parts) + "\n"


def _section(code: str, name: str, severity: Severity) -> Iterator[str]:
    yield f'<a id="{code.lower()}"></a>'
    yield ""
    yield f"## {code} {name}"
    yield ""
    yield f"Závažnost: **{SEVERITY_CS[severity]}** ({severity.label})"
    yield ""
    yield from _description(code)
    yield from _messages(code)
    yield from _examples(code)


def _description(code: str) -> Iterator[str]:
    rule = next((r for r in RULES if code == r.CODE), None)
    if rule is None:
        cs = CATALOGUES["cs"]
        paragraphs = [f"Co hlásí: {cs[f'lint.{code}']}", f"Jak opravit: {cs[f'lint.{code}.hint']}"]
    else:
        paragraphs = (rule.__doc__ or "").strip().split("\n\n")
    for paragraph in paragraphs:
        head, _, rest = paragraph.partition(":")
        yield f"**{head}:** {_escape(' '.join(rest.split()))}"
        yield ""


def _messages(code: str) -> Iterator[str]:
    for lang, message, hint in (("cs", "Zpráva", "Nápověda"), ("en", "Message", "Hint")):
        texts = CATALOGUES[lang]
        yield f"- {message}: {_escape(texts[f'lint.{code}'])}"
        prefix = f"lint.{code}.reason."
        for key, text in texts.items():
            if key.startswith(prefix):
                yield f"  - `reason: {key.removeprefix(prefix)}`: {_escape(text)}"
        yield f"- {hint}: {_escape(texts[f'lint.{code}.hint'])}"


def _examples(code: str) -> Iterator[str]:
    for outcome, title in (("fail", "Chybný příklad"), ("pass", "Správný příklad")):
        found = cases(code, outcome)
        if found:
            yield ""
            yield f"### {title}"
            yield ""
            yield f"Případ `{found[0].relative_to(ROOT).as_posix()}/`:"
            yield from _files(found[0])
    if code in ELSEWHERE:
        yield ""
        yield _elsewhere(code)


def _files(case: Path) -> Iterator[str]:
    for path in sorted(p for p in case.rglob("*") if p.is_file() and p.name != "expect.txt"):
        yield ""
        yield f"`{path.relative_to(case).as_posix()}`"
        yield ""
        yield from _content(path.read_bytes(), "yaml" if path.suffix == ".yaml" else "text")
    listing = case / "expect.txt"
    if listing.exists():
        expected = ", ".join(f"`{line}`" for line in listing.read_text(encoding="utf-8").split())
        yield ""
        yield f"Očekávané problémy (soubor nelze opatřit komentářem): {expected}"


def _content(data: bytes, language: str) -> Iterator[str]:
    if not data:
        yield "*(prázdný soubor)*"
        return
    note = ""
    if data.startswith(b"\xef\xbb\xbf"):
        data, note = data[3:], "*(soubor začíná neviditelnou značkou BOM)*"
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        yield f"*(soubor není v UTF-8; {len(data)} bajtů, začíná `{data[:8].hex(' ')}`)*"
        return
    if note:
        yield note
        yield ""
    yield f"```{language}"
    yield text.rstrip("\n")
    yield "```"


def _elsewhere(code: str) -> str:
    place = ELSEWHERE[code]
    return (f"Tento případ nelze uložit jako soubor v `{CASES.relative_to(ROOT).as_posix()}/` "
            f"({place.why}); chybný i správný příklad ukazují testy `test_{code.lower()}_…` "
            f"v `{place.tests}`.")


def _escape(text: str) -> str:
    """Keep Markdown from reading `*alias` or `<<` in a message as markup."""
    return text.replace("*", "\\*").replace("<", "&lt;")


def main() -> None:
    sys.stdout.write(render())


if __name__ == "__main__":
    main()
