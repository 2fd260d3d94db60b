"""The figure catalogue: what the data says, named, with the cell it comes from."""

from __future__ import annotations

from unionboard.analysis.figures import figure_catalogue
from unionboard.core.models import SourceFile
from unionboard.domains.loader import check_files
from unionboard.sample.report import sample_paths


def catalogue(with_files: bool = True):
    files = tuple(SourceFile(p.name, p.read_bytes()) for p in sample_paths())
    result = check_files(files)
    return {f.key: f for f in figure_catalogue(result, files if with_files else ())}


def test_sample_figures_are_the_report_s():
    figures = catalogue()
    assert figures["fig.members.total"].value == 33
    assert (figures["fig.members.male"].value, figures["fig.members.female"].value) == (16, 17)
    assert figures["fig.members.party"].value == 23 and figures["fig.members.party_female"].value == 13
    assert figures["fig.members.below_university"].value == 2
    assert figures["fig.finance.revenue.total"].value == 310_992_000
    assert figures["fig.finance.spending.total"].value == 308_835_000
    assert figures["fig.finance.closing"].value == 2_157_000
    assert round(figures["fig.members.female_share"].value, 1) == 51.5


def test_sources_name_file_sheet_and_cell():
    figures = catalogue()
    assert figures["fig.finance.revenue.Thu ĐPCĐ 1%.2013"].source == "tai-chinh.xlsx › Phần thu › B4"
    assert figures["fig.finance.closing"].source == "tai-chinh.xlsx › Phần chi › H8"
    assert figures["fig.members.male"].source == "doan-vien.xlsx › Đoàn viên › C5:C37"
    assert figures["fig.members.total"].label == "Tổng số đoàn viên"
    assert figures["fig.members.total"].label_in("en") == "Members in total"
    # without the files, the sheet is still named
    assert catalogue(False)["fig.finance.closing"].source == "tai-chinh.xlsx › Phần chi"
