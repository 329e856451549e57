"""One exception tree for factcheck.

    FactcheckError                 anything the user can fix; the CLI prints it on one line, exit 2
     ├── InputError                an article or option that cannot be used (missing, binary, date)
     ├── DataError                 a reference or import file with a bad row (file, line, value)
     └── StoreError                a store that cannot be opened, is not ours, or is too new

Bugs are not in this tree: they surface as ordinary Python exceptions with a traceback.
"""

from __future__ import annotations


class FactcheckError(Exception):
    """A problem the user can fix; its message is one line that says what and how."""


class InputError(FactcheckError):
    """An article, option or argument that cannot be used."""


class DataError(FactcheckError):
    """A bad row in a reference CSV or an imported KCS file.

    The message names the file and line, quotes the bad value and says what was expected.
    """

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None) -> None:
        where = f"{path}:{line}: " if path and line else f"{path}: " if path else ""
        super().__init__(where + message)
        self.path = path
        self.line = line


class StoreError(FactcheckError):
    """A store that cannot be opened, is not a factcheck store, or has a newer schema."""
