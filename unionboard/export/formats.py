"""The take-away formats in one table: format → MIME type and writer, shared by the pages and the CLI.

Every writer takes the data set and the reader's language (the spreadsheets ignore it: their sheet and
column names are the template's, which the readers read back), so a page and `python -m unionboard
export` given the same data and language write the same file. Writers are imported when first used:
the CLI does not pay for python-pptx to write a spreadsheet.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from unionboard.core.models import Dataset

MIME = {
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "csv": "text/csv",
}


@dataclass(frozen=True)
class Options:
    """What some writers take besides the data and the language (the others ignore it)."""

    order: Sequence[str] | None = None  # the deck's slide order (pptx)
    qr_url: str | None = None  # the public address the title slide's QR code points to (pptx)
    extra_sections: tuple = ()  # report sections after the data's (docx, odt, pdf): the congress day's


def _pptx(dataset: Dataset, lang: str, options: Options) -> bytes:
    from unionboard.export.pptx import dataset_to_pptx

    order = list(options.order) if options.order else None
    return dataset_to_pptx(dataset, order=order, lang=lang, qr_url=options.qr_url)


def _docx(dataset: Dataset, lang: str, options: Options) -> bytes:
    from unionboard.export.docx import dataset_to_docx

    return dataset_to_docx(dataset, lang, extra_sections=options.extra_sections)


def _xlsx(dataset: Dataset, lang: str, options: Options) -> bytes:
    from unionboard.export.xlsx import dataset_to_xlsx

    return dataset_to_xlsx(dataset)


def _pdf(dataset: Dataset, lang: str, options: Options) -> bytes:
    from unionboard.export.pdf import dataset_to_pdf

    return dataset_to_pdf(dataset, lang, extra_sections=options.extra_sections)


def _odt(dataset: Dataset, lang: str, options: Options) -> bytes:
    from unionboard.export.odt import dataset_to_odt

    return dataset_to_odt(dataset, lang, extra_sections=options.extra_sections)


def _ods(dataset: Dataset, lang: str, options: Options) -> bytes:
    from unionboard.export.ods import dataset_to_ods

    return dataset_to_ods(dataset)


WRITERS: dict[str, Callable[[Dataset, str, Options], bytes]] = {
    "pptx": _pptx, "docx": _docx, "xlsx": _xlsx, "pdf": _pdf, "odt": _odt, "ods": _ods,
}
FORMATS = tuple(WRITERS)  # the order the CLI lists them in


def write(fmt: str, dataset: Dataset, lang: str = "vi", options: Options | None = None) -> bytes:
    """The data set as a file of format `fmt` (a key of `WRITERS`) in `lang`; the PDF writer raises
    `export.pdf.FontMissing` when its fonts are not installed."""
    return WRITERS[fmt](dataset, lang, options or Options())
