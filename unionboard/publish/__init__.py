"""Publishing: uploaded files checked once, summarised, and handed to the store as one batch."""

from unionboard.publish.service import Checked as Checked
from unionboard.publish.service import PublishOutcome as PublishOutcome
from unionboard.publish.service import check_upload as check_upload
from unionboard.publish.service import distinct_files as distinct_files
from unionboard.publish.service import publish_files as publish_files
from unionboard.publish.service import publish_upload as publish_upload
