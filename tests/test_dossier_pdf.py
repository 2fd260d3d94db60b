"""The congress dossier as a PDF: every form on its own page, the figures as text, odd names never fail."""

from __future__ import annotations

import io

from pypdf import PdfReader
from test_dossier import DATASET, _docs

from unionboard.analysis.congress import Election, count_election, tally_entry
from unionboard.export.dossier import Positions, dossier_docs
from unionboard.export.dossier_pdf import dossier_pdf


def test_each_form_starts_a_page_with_the_motto() -> None:
    reader = PdfReader(io.BytesIO(dossier_pdf(_docs(), DATASET.info)))
    pages = [page.extract_text() for page in reader.pages]
    assert len(pages) == 5 and all("Độc lập - Tự do - Hạnh phúc" in page for page in pages)
    assert "BIÊN BẢN BẦU CỬ" in pages[0] and "TỜ TRÌNH" in pages[-1] and "1962" in pages[3]


def test_a_long_name_with_emoji_and_cjk_never_fails() -> None:
    long = ("Nguyễn " * 285 + "😀 王小明")[:2000]
    election = Election("Ban Chấp hành", 1, (long, "王小明😀"), 3, id=1)
    result = count_election(election, [tally_entry(election, 3, 3, 0, {long: 3})[0]])
    docs = dossier_docs([result], Positions(long), (), DATASET.info)
    assert dossier_pdf(docs, DATASET.info).startswith(b"%PDF")
