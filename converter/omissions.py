"""What a conversion left out, and why: every stage may decline a part it cannot get right.

A missing fact is a nuisance; a wrong fact is a defect. So a stage that cannot decide a column's
period, a table's scale or a concept consistently leaves that part out and says so here; the
conversion report and stderr list every record, so nothing is silently lost.
"""

from dataclasses import dataclass
from enum import StrEnum


class PartKind(StrEnum):
    STATEMENT = "statement"
    COLUMN = "column"
    ROW = "row"
    FACT = "fact"
    CONCEPT = "concept"
    CALCULATION = "calculation"
    COVER_FIELD = "cover_field"


@dataclass(frozen=True)
class LeftOut:
    """One part a stage declined to tag: what it is, where the filing prints it, and why."""

    part: PartKind
    what: str  # e.g. "column 'Three Months Ended Mar 31, 2005' of 'Consolidated Statements of Operations'"
    reason: str  # e.g. "its period ends on no date the filing's fiscal calendar knows"
    where: str = ""  # provenance: document and line, when known
    concept: str = ""  # the concept a calculation left out adds up (its total), for the review page

    def line(self) -> str:
        """One line for people (stderr, text reports)."""
        return f"left out {self.part.value} {self.what}: {self.reason}" + (f" ({self.where})" if self.where else "")
