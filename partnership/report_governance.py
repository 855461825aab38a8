"""The governance records' chapters of the annual report (priorities, listening to children, partners'
statements, challenge, glossary, finance). Joined to partnership/report.py's SECTIONS."""

SECTIONS = []
