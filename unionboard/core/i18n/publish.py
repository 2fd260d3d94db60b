"""Strings of publishing and of the versioned store: the store's errors, by code."""

ENTRIES = {
    "store.unknown_version": ("Không có phiên bản số {id}.", "There is no version number {id}."),
    "store.stale_version": (
        "Phiên bản hiện hành đã thay đổi (mong đợi {expected}, hiện là {current}): hãy xem lại trước khi công bố.",
        "The current version has changed (expected {expected}, now {current}): review it again before publishing."),
    "store.nothing_published": (
        "Chưa có phiên bản dữ liệu nào được công bố: chưa lưu được thiết lập.",
        "No data version has been published yet: the setting could not be saved."),
}
