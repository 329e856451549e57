"""Regenerate reference/partners.csv from pycountry's ISO 3166-1 data.

    python scripts/make_partners.py

Writes one row per ISO 3166-1 country (alpha-2 code, short name, official name, common name),
plus WORLD for the total to all destinations. South Korea (KR) is left out on purpose: it is the
exporter in every figure, never a destination. The forms news uses ("U.S.", "Beijing") live in
reference/aliases-en.csv, not here.
"""

from __future__ import annotations

import csv
import os
import tempfile
from pathlib import Path

import pycountry

OUT = Path(__file__).resolve().parent.parent / "reference" / "partners.csv"


def main() -> None:
    rows = [("WORLD", "World", "All destinations", "")]
    for country in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        if country.alpha_2 == "KR":
            continue
        rows.append(
            (
                country.alpha_2,
                country.name,
                getattr(country, "official_name", ""),
                getattr(country, "common_name", ""),
            )
        )
    fd, tmp = tempfile.mkstemp(dir=OUT.parent, suffix=".tmp")
    with os.fdopen(fd, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(("code", "name", "official_name", "common_name"))
        writer.writerows(rows)
    os.chmod(tmp, 0o644)  # mkstemp makes the file private; a data file is for everyone
    os.replace(tmp, OUT)
    print(f"wrote {len(rows)} partners to {OUT} (pycountry {pycountry.__version__})")


if __name__ == "__main__":
    main()
