"""unionboard: read, check and present a grassroots trade union's congress workbooks."""

from .loader import check_files
from .models import CheckResult, Dataset, Issue, SourceFile

__all__ = ["check_files", "CheckResult", "Dataset", "Issue", "SourceFile"]
