"""Print each curriculum's practice share and day lengths (a helper for content writers)."""

import sys
from pathlib import Path

from generator.model import BreakSession, ModuleSession, OtherSession
from generator.project import find_curricula, read_project

project = read_project(find_curricula([Path(p) for p in sys.argv[1:] or ["content"]]))
for c in project.curricula:
    practice = total = 0
    for m in c.modules:
        if m.model.session:
            for s in m.model.session.steps:
                total += s.minutes
                practice += s.minutes if s.is_practice else 0
    days = []
    for d in c.model.guide.days if c.model.guide else []:
        length = 0
        for s in d.sessions:
            if isinstance(s, ModuleSession):
                mod = c.module(s.module)
                length += sum(x.minutes for x in mod.model.session.steps) if mod and mod.model.session else 0
            else:
                length += s.minutes
                if isinstance(s, OtherSession):
                    total += s.minutes
                    practice += s.minutes if s.practice else 0
        days.append(length / 60)
    share = 100 * practice / total if total else 0
    print(f"{c.id}: practice {practice}/{total} min = {share:.1f}%; days (h): {[round(x, 2) for x in days]}")
