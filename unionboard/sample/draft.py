"""The sample draft report: the reference draft's text kept in the repository, written as .docx in code."""

from __future__ import annotations

import io
from pathlib import Path

from unionboard.core.issues import IssueLog
from unionboard.core.models import SourceFile
from unionboard.read.draft import read_draft
from unionboard.sample.report import SAMPLE_DIR

SAMPLE_DRAFT = SAMPLE_DIR / "du-thao-bao-cao-dai-hoi-IV.txt"
SAMPLE_DRAFT_NAME = "du-thao-bao-cao-dai-hoi-IV.docx"
_HEADING_STARTS = ("Phần thứ", "I-", "II-", "III-", "IV-")


def sample_draft_text(path: Path = SAMPLE_DRAFT) -> str:
    """The reference draft as text: one paragraph a line, table rows as tab-separated cells."""
    return path.read_text(encoding="utf-8")


def draft_docx(text: str | None = None, repeat: int = 1) -> bytes:
    """A .docx of the draft text (headings styled, tables as Word tables); `repeat` copies the body."""
    import docx

    source = sample_draft_text() if text is None else text
    draft = read_draft(SourceFile("du-thao.txt", source.encode("utf-8")), IssueLog())
    document = docx.Document()
    for _ in range(repeat):
        for p in draft.paragraphs:
            if p.table is None:
                heading = p.text.startswith(_HEADING_STARTS) and len(p.text) < 120
                document.add_paragraph(p.text, style="Heading 2" if heading else None)
            elif (p.row, p.col) == (0, 0):
                rows = draft.tables[p.table].rows
                table = document.add_table(rows=len(rows), cols=max(len(row) for row in rows))
                table.style = "Table Grid"
                for r, row in enumerate(rows):
                    for c, value in enumerate(row):
                        table.cell(r, c).text = value
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
