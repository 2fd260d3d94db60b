"""Issue messages raised by the core itself (and used by tests of the issue mechanism)."""

ENTRIES: dict[str, tuple[str, str]] = {
    "core.example": ("Ô {cell} có giá trị “{value}” không hợp lệ.", "Cell {cell} holds the invalid value “{value}”."),
}
