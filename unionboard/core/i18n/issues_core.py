"""Issue messages of the core and the store (and one used by tests of the issue mechanism)."""

ENTRIES: dict[str, tuple[str, str]] = {
    "core.example": ("Ô {cell} có giá trị “{value}” không hợp lệ.", "Cell {cell} holds the invalid value “{value}”."),
    "store.same_name": ("Hai tệp khác nhau cùng tên: hãy đổi tên một tệp rồi tải lên lại.",
                        "Two different files have the same name: rename one and upload again."),
}
