"""unionboard: read, check and present a grassroots trade union's congress workbooks."""

from unionboard.core.models import CheckResult, Dataset, Issue, SourceFile
from unionboard.domains.loader import check_files

__all__ = ["check_files", "CheckResult", "Dataset", "Issue", "SourceFile"]
