"""The web app's settings: one table of name, default, option and purpose (as ``sourcetrace/settings.py``
keeps the limits of reading and ``reconcile/settings.py`` the estimator's). docs/web-settings.md
documents each; a test keeps the two, and ``sourcetrace serve``'s options, in step."""
from __future__ import annotations

from dataclasses import dataclass

from ..settings import MAX_DOCUMENT_BYTES


@dataclass(frozen=True)
class Setting:
    name: str
    default: int | str
    option: str | None  # the option of `sourcetrace serve` that sets it, if any
    help: str


SETTINGS = (
    Setting("host", "127.0.0.1", "--host",
            "The address to listen on. Only this machine can reach the default; any other address is "
            "announced with a warning (W008), since whoever reaches it can read the store."),
    Setting("port", 8001, "--port", "The port to listen on."),
    Setting("token_env", "SOURCETRACE_TOKEN", None,
            "The environment variable that holds the bearer token writes need. With neither it nor "
            "--token-file set, writes (uploads) are off (E702) and every page is read-only."),
    Setting("page_size", 50, None,
            "Documents a page lists, unless the request asks for fewer or more with ?limit= (at most "
            "max_page_size)."),
    Setting("max_page_size", 500, None, "The most documents one page or API response lists."),
    Setting("max_upload_bytes", 4 * MAX_DOCUMENT_BYTES // 10, "--max-upload-bytes",
            "The most bytes one upload may have, all its files together; a larger one is refused (E704) "
            "while it is read, before it is stored anywhere."),
    Setting("max_upload_files", 20, "--max-upload-files",
            "The most files one upload may hold (E705)."),
    Setting("max_claim_chars", 2_000, None,
            "The longest claim the check page takes: a claim is a sentence or two, traced while the "
            "request waits."),
)
DEFAULTS = {setting.name: setting.default for setting in SETTINGS}
