"""`python -m unionboard benchmark`: how fast and how lean is checking a large roster?

Generates rosters of 1,000 / 10,000 / 100,000 members (openpyxl write-only, realistic Vietnamese
values, title rows above the header) and a multi-year finance workbook, then times, for each file:

* unionboard — ``check_files([path])``: safety checks, calamine read, classify, parse, check
  (a large sheet is read in parts on several cores, so its CPU time is printed too);
* calamine   — a bare ``python_calamine`` read of every sheet (the floor: reading alone);
* openpyxl   — ``pandas.read_excel(path, sheet_name=None, engine="openpyxl")`` (what a user writes).

Every measurement runs in a fresh subprocess so that the peak resident memory (VmHWM, the whole
process: interpreter + pandas + data) belongs to that one measurement, and no cache carries over
between runs. Times are the median of ``--runs`` runs; imports are not timed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from unionboard.cli.main import register
from unionboard.read import parallel_read

TOOLS = ("unionboard", "calamine", "openpyxl")
DEFAULT_SIZES = (1_000, 10_000, 100_000)
TARGET_RATIO = 1.3  # unionboard time / bare calamine time, at the largest size
TARGET_SPEEDUP = 3.0  # openpyxl time / unionboard time, at the largest size
TARGET_PEAK_MB = 400.0

# --------------------------------------------------------------------------- realistic data

FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Vũ", "Võ", "Phan", "Trương", "Bùi",
          "Đặng", "Đỗ", "Ngô", "Hồ", "Dương", "Đinh", "Lý", "Mai", "Tạ", "Cao", "Lương", "Hà")
MIDDLE_MEN = ("Văn", "Đức", "Quang", "Minh", "Hữu", "Công", "Xuân", "Thanh", "Quốc", "Đình", "Tiến")
MIDDLE_WOMEN = ("Thị", "Thu", "Ngọc", "Thanh", "Thúy", "Minh", "Hồng", "Kim", "Phương", "Diệu")
GIVEN_MEN = ("An", "Bình", "Cường", "Dũng", "Giang", "Hải", "Hùng", "Khoa", "Linh", "Long", "Nam",
             "Phúc", "Quân", "Sơn", "Thành", "Tuấn", "Việt", "Hiếu", "Trung", "Kiên", "Đạt", "Tùng")
GIVEN_WOMEN = ("Anh", "Hà", "Hằng", "Hoa", "Huệ", "Hương", "Lan", "Liên", "Loan", "Mai", "Minh",
               "Nga", "Ngọc", "Oanh", "Phương", "Thảo", "Yến", "Trang", "Huyền", "Vân", "Nhung")
DEPARTMENTS = ("Văn phòng Sở", "Thanh tra Sở", "Phòng Kế hoạch - Tài chính",
               "Phòng Bưu chính, Viễn thông", "Phòng Công nghệ thông tin",
               "Phòng Thông tin - Báo chí - Xuất bản", "Trung tâm Công nghệ Thông tin và Truyền thông",
               "Phòng Tổ chức cán bộ", "Phòng Quản lý chất lượng", "Tổ công đoàn Phân xưởng 1",
               "Tổ công đoàn Phân xưởng 2", "Tổ công đoàn Phân xưởng 3", "Chi nhánh Bắc Quang",
               "Chi nhánh Vị Xuyên", "Chi nhánh Hoàng Su Phì", "Ban Quản lý dự án")
EDUCATION = (("Đại học", 50), ("Cử nhân", 8), ("Kỹ sư", 6), ("Thạc sỹ", 10), ("Thạc sĩ", 3),
             ("ThS", 1), ("Cao đẳng", 8), ("Trung cấp", 8), ("Sơ cấp", 2), ("Tiến sĩ", 1),
             ("THPT", 2), ("Đại học Luật", 1))
THEORY = (("Cao cấp", 8), ("Cử nhân", 2), ("Trung cấp", 20), ("Sơ cấp", 30), (None, 38),
          ("Chưa có", 2))
ROLES = (("Đoàn viên", 92), ("Tổ trưởng", 4), ("Tổ phó", 2), ("Ủy viên BCH", 2))
HEADER = ("STT", "Họ và tên", "Giới tính", "Năm sinh", "Phòng/đơn vị", "Trình độ chuyên môn",
          "Lý luận chính trị", "Đảng viên", "Ngày vào công đoàn", "Chức vụ công đoàn")


def _choices(rng: random.Random, weighted: tuple, k: int) -> list:
    values, weights = zip(*weighted, strict=True)
    return rng.choices(values, weights=weights, k=k)


def write_roster(path: Path, size: int, seed: int = 2017) -> Path:
    """A roster of `size` members like an HR export: title rows, header, Vietnamese values, a few
    imperfect cells (a date of birth as text, a mistyped gender) so the checks have work to do."""
    from openpyxl import Workbook

    rng = random.Random(seed + size)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Đoàn viên")
    ws.append(["DANH SÁCH ĐOÀN VIÊN CÔNG ĐOÀN CƠ SỞ"])
    ws.append([f"(Tính đến ngày 01/10/2017 — {size:,} đoàn viên)".replace(",", ".")])
    ws.append([])
    ws.append(list(HEADER))
    educations = _choices(rng, EDUCATION, size)
    theories = _choices(rng, THEORY, size)
    roles = _choices(rng, ROLES, size)
    for i in range(size):
        woman = rng.random() < 0.52
        name = " ".join((rng.choice(FAMILY), rng.choice(MIDDLE_WOMEN if woman else MIDDLE_MEN),
                         rng.choice(GIVEN_WOMEN if woman else GIVEN_MEN)))
        gender = "Nữ" if woman else "Nam"
        if rng.random() < 0.001:
            gender = "Namm" if not woman else "nu"
        year = rng.randint(1962, 1999)
        birth: object = year
        if rng.random() < 0.05:
            birth = f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{year}"
        joined = dt.datetime(min(year + rng.randint(20, 30), 2017), rng.randint(1, 12), rng.randint(1, 28))
        ws.append([i + 1, name, gender, birth, rng.choice(DEPARTMENTS), educations[i], theories[i],
                   "x" if rng.random() < 0.4 else None, joined, roles[i]])
    wb.save(path)
    return path


def write_csv_roster(xlsx: Path, path: Path) -> Path:
    """The same roster saved as CSV (UTF-8 with BOM, as Excel's “CSV UTF-8” writes it)."""
    import csv

    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_path(str(xlsx))
    rows = book.get_sheet_by_name(book.sheet_names[0]).to_python()
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        csv.writer(out).writerows(rows)
    return path


def write_limit_inputs(folder: Path) -> list[tuple[str, Path]]:
    """Hostile small files that used to unfold in memory: an .ods repeating a row of repeated cells
    500.000 times (1 KB → 6,4 GB before the pre-scan), a 40 KB CSV whose one long row padded every
    other row to its width (→ 20 M cells before)."""
    import zipfile

    content = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content '
               'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet>'
               '<table:table table:name="Bom"><table:table-row table:number-rows-repeated="500000">'
               '<table:table-cell table:number-columns-repeated="1000" office:value-type="string"><text:p>x'
               '</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet></office:body>'
               '</office:document-content>')
    bomb = folder / "bom.ods"
    with zipfile.ZipFile(bomb, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
    ragged = folder / "lech-cot.csv"
    lines = ["STT,Họ và tên,Giới tính,Năm sinh"] + [f"{i},Người {i},Nam,1985" for i in range(1, 1001)]
    ragged.write_text("\n".join(lines) + "\n" + "," * 20000 + "\n", encoding="utf-8")
    return [("ods 1 KB ×500.000 hàng (bị từ chối / refused)", bomb), ("csv 40 KB hàng lệch / ragged", ragged)]


FINANCE_REVENUE_STEMS = ("Thu ĐPCĐ 1%", "Thu KPCĐ 2% được để lại", "LĐLĐ tỉnh cấp", "CQ, ĐV hỗ trợ",
                         "Thu khác", "Thu tài trợ", "Thu lãi tiền gửi", "Thu hoạt động văn hóa")
FINANCE_SPENDING_STEMS = ("Chi phụ cấp CB CĐ", "Chi HĐ phong trào", "Thăm hỏi ốm đau",
                          "Chi trợ cấp, khuyết tật", "Chi quản lý hành chính", "Chi khen thưởng",
                          "Chi tham quan học tập", "Chi hoạt động nữ công")


def write_finance(path: Path, items: int = 30, years: int = 20, seed: int = 2017) -> Path:
    """Revenue and spending in the report's wide layout: `items` rows × `years` year columns
    per side, title and unit rows, a total column and a total row."""
    from openpyxl import Workbook

    rng = random.Random(seed)
    wb = Workbook(write_only=True)
    first = 2017 - years + 1
    for title, stems, label in (("Phần thu", FINANCE_REVENUE_STEMS, "Nguồn thu"),
                                ("Phần chi", FINANCE_SPENDING_STEMS, "Mục chi")):
        ws = wb.create_sheet(title)
        ws.append([f"* {title}", None, None, None, "ĐVT: đồng"])
        ws.append([])
        ws.append([label, *(f"Năm {first + y}" for y in range(years)), "Tổng cộng"])
        sums = [0] * years
        for i in range(items):
            amounts = [rng.randrange(500, 40_000) * 1000 for _ in range(years)]
            sums = [s + a for s, a in zip(sums, amounts, strict=True)]
            ws.append([f"{stems[i % len(stems)]} ({i + 1})", *amounts, sum(amounts)])
        ws.append(["Tổng cộng", *sums, sum(sums)])
    wb.save(path)
    return path


# --------------------------------------------------------------------------- measuring (child side)


def _peak_rss_mb() -> float:
    """Peak resident memory of this process so far (VmHWM; ru_maxrss where /proc is absent)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def _child(tool: str, path: str) -> dict:
    """Run one measurement in this (fresh) process; imports happen before the clock starts."""
    if tool == "unionboard":
        from unionboard.domains.loader import check_files
        from unionboard.read.workbook import Limits

        limits = Limits(max_file_bytes=2**40, max_unpacked_bytes=2**40)

        def work():
            result = check_files([path], limits=limits)
            members = result.dataset.members
            return {"members": len(members) if members is not None else None,
                    "issues": len(result.issues), "domains": list(result.dataset.domains())}
    elif tool == "calamine":
        from python_calamine import CalamineWorkbook

        def work():
            wb = CalamineWorkbook.from_path(path)
            rows = sum(len(wb.get_sheet_by_name(n).to_python()) for n in wb.sheet_names)
            return {"rows": rows}
    elif tool == "openpyxl":
        import pandas as pd

        def work():
            frames = pd.read_excel(path, sheet_name=None, engine="openpyxl")
            return {"rows": sum(len(f) for f in frames.values())}
    else:
        raise SystemExit(f"unknown tool {tool}")
    start, cpu_start = time.perf_counter(), time.process_time()
    info = work()
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    return {"tool": tool, "seconds": seconds, "cpu_seconds": cpu, "peak_mb": _peak_rss_mb(), **info}


# --------------------------------------------------------------------------- measuring (parent side)


@dataclass
class Row:
    """The figures for one input file."""

    label: str
    size: int | None  # members, None for the finance workbook
    file_mb: float
    seconds: dict[str, list[float]] = field(default_factory=dict)
    cpu_seconds: dict[str, list[float]] = field(default_factory=dict)  # all threads of the process
    peak_mb: dict[str, float] = field(default_factory=dict)
    detail: dict[str, dict] = field(default_factory=dict)

    def median(self, tool: str) -> float | None:
        runs = self.seconds.get(tool)
        return statistics.median(runs) if runs else None

    def median_cpu(self, tool: str) -> float | None:
        runs = self.cpu_seconds.get(tool)
        return statistics.median(runs) if runs else None

    @property
    def ratio(self) -> float | None:
        ub, cal = self.median("unionboard"), self.median("calamine")
        return ub / cal if ub is not None and cal else None

    @property
    def speedup(self) -> float | None:
        ub, opx = self.median("unionboard"), self.median("openpyxl")
        return opx / ub if ub and opx is not None else None

    def to_dict(self) -> dict:
        return {**asdict(self), "median": {t: self.median(t) for t in self.seconds},
                "median_cpu": {t: self.median_cpu(t) for t in self.cpu_seconds},
                "ratio_unionboard_calamine": self.ratio, "speedup_vs_openpyxl": self.speedup}


def measure(tool: str, path: Path, timeout: float = 3600) -> dict:
    """One measurement of `tool` on `path` in a fresh interpreter."""
    env = dict(os.environ)
    root = str(Path(__file__).resolve().parent.parent)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, (root, env.get("PYTHONPATH"))))
    proc = subprocess.run([sys.executable, "-m", "tools.benchmark", tool, str(path)],
                          capture_output=True, text=True, env=env, timeout=timeout, check=False)
    if proc.returncode != 0:
        raise RuntimeError(f"{tool} trên {path.name} thất bại (mã {proc.returncode}): "
                           f"{proc.stderr.strip()[-2000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def run_benchmark(sizes: list[int], runs: int, finance: tuple[int, int] | None = (30, 20),
                  tools: tuple[str, ...] = TOOLS, workdir: Path | None = None,
                  progress=None, limits: bool = True) -> list[Row]:
    """Generate the files and measure every tool on each, `runs` times; with `limits`, also the
    largest roster as CSV and the hostile small files (unionboard alone: peak memory of each)."""
    say = progress or (lambda _text: None)
    with tempfile.TemporaryDirectory(prefix="unionboard-bench-", dir=workdir) as tmp:
        inputs: list[tuple[str, int | None, Path]] = []
        for size in sizes:
            say(f"tạo danh sách {size:,} đoàn viên / generating roster of {size:,}…")
            inputs.append((f"{size:,}", size, write_roster(Path(tmp) / f"doan-vien-{size}.xlsx", size)))
        if finance:
            items, years = finance
            say(f"tạo bảng tài chính {items}×{years} / generating finance workbook…")
            inputs.append((f"tài chính {items}×{years} năm", None,
                           write_finance(Path(tmp) / "tai-chinh.xlsx", items, years)))
        extra: list[tuple[str, Path]] = []
        if limits and sizes:
            big = max(sizes)
            say(f"tạo bản CSV của danh sách {big:,} / CSV copy of the roster…")
            xlsx = next(path for _label, size, path in inputs if size == big)
            extra.append((f"csv {big:,}", write_csv_roster(xlsx, Path(tmp) / f"doan-vien-{big}.csv")))
        if limits:
            extra += write_limit_inputs(Path(tmp))
        rows = []
        for label, size, path in [*inputs, *((label, None, path) for label, path in extra)]:
            row = Row(label=label, size=size, file_mb=path.stat().st_size / 2**20)
            only = tools if (label, size, path) in inputs else ("unionboard",)
            for tool in only:
                for run in range(runs):
                    say(f"  {label}: {tool} lần {run + 1}/{runs}")
                    result = measure(tool, path)
                    row.seconds.setdefault(tool, []).append(result["seconds"])
                    row.cpu_seconds.setdefault(tool, []).append(result["cpu_seconds"])
                    row.peak_mb[tool] = max(row.peak_mb.get(tool, 0.0), result["peak_mb"])
                    row.detail[tool] = {k: v for k, v in result.items()
                                        if k not in ("tool", "seconds", "cpu_seconds", "peak_mb")}
            rows.append(row)
        return rows


# --------------------------------------------------------------------------- report


def _fmt(value: float | None, digits: int = 3) -> str:
    return "—" if value is None else f"{value:.{digits}f}"


COLUMNS = ("Cỡ / size", "unionboard s", "UB CPU s", "calamine s", "openpyxl s", "UB/calamine",
           "nhanh hơn openpyxl ×", "RSS đỉnh MB / peak MB")


def table(rows: list[Row]) -> str:
    """The results as a fixed-width text table (Vietnamese / English headers)."""
    lines = [[*COLUMNS]]
    for row in rows:
        lines.append([row.label, _fmt(row.median("unionboard")), _fmt(row.median_cpu("unionboard")),
                      _fmt(row.median("calamine")),
                      _fmt(row.median("openpyxl")), _fmt(row.ratio, 2), _fmt(row.speedup, 1),
                      _fmt(row.peak_mb.get("unionboard"), 0)])
    widths = [max(len(line[i]) for line in lines) for i in range(len(COLUMNS))]
    out = []
    for n, line in enumerate(lines):
        out.append("  ".join(cell.ljust(w) if i == 0 else cell.rjust(w)
                             for i, (cell, w) in enumerate(zip(line, widths, strict=True))))
        if n == 0:
            out.append("  ".join("-" * w for w in widths))
    return "\n".join(out)


def targets(rows: list[Row]) -> list[dict]:
    """PASS/FAIL against the targets, judged on the largest roster."""
    rosters = [r for r in rows if r.size is not None]
    if not rosters:
        return []
    big = max(rosters, key=lambda r: r.size or 0)
    peak = max((r.peak_mb.get("unionboard", 0.0) for r in rows), default=0.0)
    checks = [
        (f"{big.label}: unionboard ≤ {TARGET_RATIO}× calamine", big.ratio,
         big.ratio is not None and big.ratio <= TARGET_RATIO, _fmt(big.ratio, 2) + "×"),
        (f"{big.label}: nhanh hơn openpyxl ≥ {TARGET_SPEEDUP:g}× / faster than openpyxl",
         big.speedup, big.speedup is not None and big.speedup >= TARGET_SPEEDUP,
         _fmt(big.speedup, 1) + "×"),
        (f"RSS đỉnh unionboard < {TARGET_PEAK_MB:g} MB / peak memory", peak, peak < TARGET_PEAK_MB,
         f"{peak:.0f} MB"),
    ]
    return [{"target": name, "value": value, "shown": shown, "pass": ok}
            for name, value, ok, shown in checks]


def _configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--sizes", type=int, nargs="+", default=list(DEFAULT_SIZES),
                        help="số đoàn viên của mỗi danh sách thử / roster sizes")
    parser.add_argument("--runs", type=int, default=3, help="số lần đo mỗi phép (lấy trung vị)")
    parser.add_argument("--finance", type=int, nargs=2, default=[30, 20], metavar=("ITEMS", "YEARS"),
                        help="bảng tài chính: số khoản mục × số năm (0 0 để bỏ)")
    parser.add_argument("--json", action="store_true", help="in một đối tượng JSON")


def _run(args: argparse.Namespace) -> int:
    if args.runs < 1 or any(s < 1 for s in args.sizes):
        print("--runs và --sizes phải ≥ 1.", file=sys.stderr)
        return 2
    finance = tuple(args.finance) if all(args.finance) else None
    progress = None if args.json else (lambda text: print(text, file=sys.stderr, flush=True))
    rows = run_benchmark(args.sizes, args.runs, finance=finance, progress=progress)  # type: ignore[arg-type]
    verdicts = targets(rows)
    if args.json:
        sys.stdout.write(json.dumps({"runs": args.runs, "python": sys.version.split()[0],
                                     "cpus": os.cpu_count(), "read_threads": parallel_read.threads(), "rows": [r.to_dict() for r in rows],
                                     "targets": verdicts}, ensure_ascii=False) + "\n")
        return 0
    print(f"Đo hiệu năng (trung vị của {args.runs} lần, mỗi lần một tiến trình mới; trang tính lớn đọc "
          f"thành {parallel_read.threads()} phần song song) / benchmark (median of {args.runs} runs, fresh "
          f"process each; large sheets read in {parallel_read.threads()} parts)")
    print(table(rows))
    if verdicts:
        print("\nMục tiêu / targets:")
        for v in verdicts:
            print(f"  [{'ĐẠT/PASS' if v['pass'] else 'CHƯA ĐẠT/FAIL'}] {v['target']}: {v['shown']}")
    return 0


register("benchmark", "đo tốc độ và bộ nhớ khi kiểm tra danh sách lớn (so với calamine, openpyxl)",
         _configure, _run)


# --------------------------------------------------------------------------- exports of the sample

EXPORT_FORMATS = ("docx", "pptx", "xlsx", "pdf", "odt", "ods")
TARGET_EXPORT_SECONDS = 5.0


def _exporters() -> dict:
    from unionboard.export.docx import dataset_to_docx
    from unionboard.export.ods import dataset_to_ods
    from unionboard.export.odt import dataset_to_odt
    from unionboard.export.pdf import dataset_to_pdf
    from unionboard.export.pptx import dataset_to_pptx
    from unionboard.export.xlsx import dataset_to_xlsx

    return {"docx": dataset_to_docx, "pptx": dataset_to_pptx, "xlsx": dataset_to_xlsx,
            "pdf": dataset_to_pdf, "odt": dataset_to_odt, "ods": dataset_to_ods}


def time_exports(runs: int = 5, formats: tuple[str, ...] = EXPORT_FORMATS) -> dict[str, dict]:
    """{format: {"median": s, "runs": [s, ...], "bytes": n}}: each export of the bundled sample data
    set (read and checked once, not timed), `runs` times in this process; imports are not timed."""
    from unionboard.core.models import SourceFile
    from unionboard.domains.loader import check_files
    from unionboard.sample.report import sample_paths

    dataset = check_files([SourceFile(p.name, p.read_bytes()) for p in sample_paths()]).dataset
    exporters = _exporters()
    out: dict[str, dict] = {}
    for fmt in formats:
        seconds, size = [], 0
        for _ in range(runs):
            start = time.perf_counter()
            size = len(exporters[fmt](dataset))
            seconds.append(time.perf_counter() - start)
        out[fmt] = {"median": statistics.median(seconds), "runs": seconds, "bytes": size}
    return out


def _configure_exports(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--runs", type=int, default=5, help="số lần đo mỗi định dạng (lấy trung vị)")
    parser.add_argument("--json", action="store_true", help="in một đối tượng JSON")


def _run_exports(args: argparse.Namespace) -> int:
    if args.runs < 1:
        print("--runs phải ≥ 1.", file=sys.stderr)
        return 2
    timings = time_exports(args.runs)
    if args.json:
        sys.stdout.write(json.dumps({"runs": args.runs, "target_seconds": TARGET_EXPORT_SECONDS,
                                     "formats": timings}) + "\n")
        return 0
    print(f"Xuất bộ dữ liệu mẫu (trung vị của {args.runs} lần) / exporting the sample "
          f"(median of {args.runs} runs)")
    print(f"{'định dạng / format':<20}{'giây / s':>10}{'KB':>10}")
    for fmt, row in timings.items():
        print(f"{fmt:<20}{row['median']:>10.3f}{row['bytes'] / 1024:>10.1f}")
    slowest = max(row["median"] for row in timings.values())
    verdict = "ĐẠT/PASS" if slowest < TARGET_EXPORT_SECONDS else "CHƯA ĐẠT/FAIL"
    print(f"\n  [{verdict}] mọi định dạng < {TARGET_EXPORT_SECONDS:g} s / every format: "
          f"{slowest:.3f} s")
    return 0


register("benchmark-exports", "đo thời gian xuất bộ dữ liệu mẫu ra docx, pptx, xlsx, pdf, odt, ods",
         _configure_exports, _run_exports)


# --------------------------------------------------------------------------- the draft report check

DRAFT_PAGES = 40
CHARS_PER_PAGE = 3_500  # an A4 page of the reference draft's prose (Times New Roman 13 pt)
TARGET_DRAFT_SECONDS = 2.0


def time_draft_check(pages: int = DRAFT_PAGES, runs: int = 5) -> dict:
    """The check of a `pages`-page draft (.docx; the reference draft repeated) against the sample data:
    read the .docx, build the figure catalogue (with cells), find and match every claim — median of `runs`."""
    import math

    from unionboard.analysis.draft_check import check_report
    from unionboard.core.models import SourceFile
    from unionboard.domains.loader import check_files
    from unionboard.sample.draft import draft_docx, sample_draft_text
    from unionboard.sample.report import sample_paths

    files = tuple(SourceFile(p.name, p.read_bytes()) for p in sample_paths())
    result = check_files(files)
    repeat = math.ceil(pages * CHARS_PER_PAGE / len(sample_draft_text()))
    draft = SourceFile("du-thao.docx", draft_docx(repeat=repeat))
    seconds, claims = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        claims = len(check_report(draft, result, files).claims)
        seconds.append(time.perf_counter() - start)
    return {"median": statistics.median(seconds), "runs": seconds, "claims": claims, "repeat": repeat,
            "characters": repeat * len(sample_draft_text()), "bytes": len(draft.data)}


def _configure_draft(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--pages", type=int, default=DRAFT_PAGES, help="số trang của dự thảo")
    parser.add_argument("--runs", type=int, default=5, help="số lần đo (lấy trung vị)")
    parser.add_argument("--json", action="store_true", help="in một đối tượng JSON")


def _run_draft(args: argparse.Namespace) -> int:
    if args.runs < 1 or args.pages < 1:
        print("--runs và --pages phải ≥ 1.", file=sys.stderr)
        return 2
    row = time_draft_check(args.pages, args.runs)
    if args.json:
        sys.stdout.write(json.dumps({"pages": args.pages, "target_seconds": TARGET_DRAFT_SECONDS, **row}) + "\n")
        return 0
    verdict = "ĐẠT/PASS" if row["median"] < TARGET_DRAFT_SECONDS else "CHƯA ĐẠT/FAIL"
    print(f"Kiểm tra dự thảo {args.pages} trang ({row['characters']:,} ký tự, {row['claims']} số liệu), "
          f"trung vị của {args.runs} lần: {row['median']:.3f} s  [{verdict}] < {TARGET_DRAFT_SECONDS:g} s")
    return 0


register("benchmark-draft", "đo thời gian kiểm tra một dự thảo báo cáo 40 trang", _configure_draft, _run_draft)


if __name__ == "__main__":  # child: python -m tools.benchmark TOOL PATH
    print(json.dumps(_child(sys.argv[1], sys.argv[2])))
