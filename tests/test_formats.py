"""The one format → writer table: every format the CLI offers is written by it with its MIME type, in the
language asked for, and the CLI's file equals the page's."""

from __future__ import annotations

import io
import zipfile

import pytest
from docx import Document

from unionboard.cli.export import FORMATS as CLI_FORMATS
from unionboard.core.models import SourceFile
from unionboard.domains.loader import check_files
from unionboard.export.formats import FORMATS, MIME, WRITERS, Options, write
from unionboard.sample.report import sample_paths


@pytest.fixture(scope="module")
def dataset():
    return check_files([SourceFile(p.name, p.read_bytes()) for p in sample_paths()]).dataset


def test_the_cli_offers_exactly_the_tables_formats_each_with_a_mime_type():
    assert CLI_FORMATS == FORMATS == tuple(WRITERS)
    assert set(FORMATS) <= set(MIME)
    assert MIME["docx"].endswith("wordprocessingml.document") and MIME["pdf"] == "application/pdf"


@pytest.mark.parametrize("fmt", ["pptx", "docx", "xlsx", "odt", "ods"])
def test_every_office_format_is_a_zip_of_its_kind(dataset, fmt):
    with zipfile.ZipFile(io.BytesIO(write(fmt, dataset, "en"))) as archive:
        names = archive.namelist()
        if fmt in ("odt", "ods"):  # OpenDocument names its MIME type in its first member
            assert archive.read("mimetype").decode() == MIME[fmt]
        else:
            assert "[Content_Types].xml" in names


def test_the_word_report_follows_the_language(dataset):
    english = [p.text for p in Document(io.BytesIO(write("docx", dataset, "en"))).paragraphs]
    vietnamese = [p.text for p in Document(io.BytesIO(write("docx", dataset))).paragraphs]
    assert "I. Membership" in english and "I. Cơ cấu đoàn viên" in vietnamese


def test_the_deck_takes_the_slide_order(dataset):
    from pptx import Presentation

    deck = Presentation(io.BytesIO(write("pptx", dataset, "vi", Options(order=("title", "balance")))))
    assert len(deck.slides) == 2
