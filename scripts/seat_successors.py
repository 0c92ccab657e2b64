#!/usr/bin/env python3
"""Converts mySociety's 2010-to-2025 constituency overlaps into the bot's small bundled TSV files.

Source: https://github.com/mysociety/2025-constituencies (data package "geographic_overlaps", CC BY 4.0;
code MIT). Needs pyarrow. Run from the repository root with a checkout (or `git archive`) of that repository:

    python3 scripts/seat_successors.py path/to/2025-constituencies src/main/resources/data

Writes
  seat-successors.tsv  old-gss (2010 boundaries), new-gss (2024 boundaries), share of the old seat's population
                       living in the new seat (0-1, three decimals): the new seat with the largest share, for every
                       2010 seat
  welsh-names.tsv      gss (2024 boundaries), the seat's Welsh name where it has one different from the English
"""
import json
import sys
from pathlib import Path

import pyarrow.parquet as pq

HEADER = ("# Converted by scripts/seat_successors.py from mySociety's 2025-constituencies repository"
          " (geographic_overlaps data package, CC BY 4.0, https://github.com/mysociety/2025-constituencies).")


def main(source: Path, out: Path) -> None:
    lookup = json.loads((source / "docs/js/pcon_2024_lookup.json").read_text(encoding="utf-8"))
    gss_of = {short: row["parlcon_2024_gss_code"] for short, row in lookup.items()}
    table = pq.read_table(source / "data/packages/geographic_overlaps/PARL10_PARL25_combo_overlap.parquet",
                          columns=["PARL10", "PARL25", "overlap_pop", "original_pop"]).to_pylist()
    best = {}
    for row in table:
        old, new = row["PARL10"], gss_of[row["PARL25"]]
        share = row["overlap_pop"] / row["original_pop"] if row["original_pop"] else 0.0
        # The largest share wins; a tie (never seen) goes to the lower code, so reruns give the same file.
        if old not in best or share > best[old][1] or share == best[old][1] and new < best[old][0]:
            best[old] = (new, share)
    lines = [HEADER, "# old-gss\tnew-gss\tshare-of-old-population"]
    lines += [f"{old}\t{new}\t{share:.3f}" for old, (new, share) in sorted(best.items())]
    (out / "seat-successors.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")

    welsh = [HEADER, "# gss\twelsh-name"]
    welsh += [f"{row['parlcon_2024_gss_code']}\t{row['parlcon_2024_name_cy']}"
              for row in sorted(lookup.values(), key=lambda r: r["parlcon_2024_gss_code"])
              if row["parlcon_2024_name_cy"] and row["parlcon_2024_name_cy"] != row["parlcon_2024_name"]]
    (out / "welsh-names.tsv").write_text("\n".join(welsh) + "\n", encoding="utf-8")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: seat_successors.py <2025-constituencies checkout> <output directory>")
    main(Path(sys.argv[1]), Path(sys.argv[2]))
