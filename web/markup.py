"""The records' Markdown as HTML: CommonMark with tables, raw HTML escaped, never passed through."""

from __future__ import annotations

from functools import cache

from markdown_it import MarkdownIt
from markupsafe import Markup

MAX_LEVEL = 6


@cache
def _parser() -> MarkdownIt:
    # "html": False makes markdown-it escape any raw HTML in a record instead of emitting it;
    # its link validation already refuses javascript:, vbscript:, file: and data: URLs.
    return MarkdownIt("commonmark", {"html": False, "typographer": False}).enable("table")


def markdown(text: str | None, level: int = 3) -> Markup:
    """Render `text`; its headings start at `level`, so the page's outline stays in order."""
    if not text:
        return Markup("")
    parser = _parser()
    tokens = parser.parse(text)
    headings = [int(t.tag[1]) for t in tokens if t.type == "heading_open"]
    shift = level - min(headings) if headings else 0
    for token in tokens:
        if token.type in ("heading_open", "heading_close"):
            token.tag = f"h{min(MAX_LEVEL, int(token.tag[1]) + shift)}"
        elif token.type == "th_open":
            token.attrSet("scope", "col")
        elif token.type == "table_open":
            token.attrSet("class", "data")
    return Markup(parser.renderer.render(tokens, parser.options, {}))  # noqa: S704 (escaped)


def inline(text: str | None) -> Markup:
    """One line of Markdown (emphasis, links) without a paragraph around it."""
    if not text:
        return Markup("")
    return Markup(_parser().renderInline(text.strip()))  # noqa: S704 (escaped, as above)
