"""The sample draft report: the reference draft's text kept in the repository, written as .docx in code."""

from __future__ import annotations

import io
from pathlib import Path

from unionboard.sample.report import SAMPLE_DIR

SAMPLE_DRAFT = SAMPLE_DIR / "du-thao-bao-cao-dai-hoi-IV.txt"
SAMPLE_DRAFT_NAME = "du-thao-bao-cao-dai-hoi-IV.docx"
_HEADING_STARTS = ("Phần thứ", "I-", "II-", "III-", "IV-")


def sample_draft_text(path: Path = SAMPLE_DRAFT) -> str:
    """The reference draft as text: one paragraph a line, table rows as tab-separated cells."""
    return path.read_text(encoding="utf-8")


def _blocks(text: str) -> list[str | list[list[str]]]:
    """Paragraph strings and tables (rows of cells) in order."""
    blocks: list[str | list[list[str]]] = []
    table: list[list[str]] = []
    for line in text.split("\n"):
        if "\t" in line:
            table.append(line.split("\t"))
            continue
        if table:
            blocks.append(table)
            table = []
        if line.strip():
            blocks.append(line.strip())
    if table:
        blocks.append(table)
    return blocks


def draft_docx(text: str | None = None, repeat: int = 1) -> bytes:
    """A .docx of the draft text (headings styled, tables as Word tables); `repeat` copies the body."""
    import docx

    document = docx.Document()
    blocks = _blocks(sample_draft_text() if text is None else text)
    for _ in range(repeat):
        for block in blocks:
            if isinstance(block, str):
                heading = block.startswith(_HEADING_STARTS) and len(block) < 120
                document.add_paragraph(block, style="Heading 2" if heading else None)
                continue
            width = max(len(row) for row in block)
            table = document.add_table(rows=len(block), cols=width)
            table.style = "Table Grid"
            for r, row in enumerate(block):
                for c, value in enumerate(row):
                    table.cell(r, c).text = value
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
