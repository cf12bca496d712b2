"""Print each curriculum's practice share and day lengths, computed from the YAML.

Usage: python scripts/practice_share.py [PATH...]   (default: content/)
"""

import sys
from pathlib import Path

from generator.content.agenda import agenda, clock
from generator.content.check import read_project
from generator.content.project import find_curricula


def main() -> None:
    """One line per curriculum: practice minutes, share, and each day's clock times."""
    paths = [Path(p) for p in sys.argv[1:]] or [Path("content")]
    for source in read_project(find_curricula(paths)).curricula:
        days = agenda(source)
        share = 100 * days.practice / days.training if days.training else 0.0
        lengths = ", ".join(
            f"{clock(d.start)}-{clock(d.end)} ({d.length / 60:.2f} h)" for d in days.days
        )
        print(
            f"{source.id}: practice {days.practice}/{days.training} min = {share:.1f}%; "
            f"days: {lengths}"
        )


if __name__ == "__main__":
    main()
