"""xbrlconv: turn SEC EDGAR filings into Inline XBRL and XBRL 2.1.

The package is a pipeline of stages, each with a typed intermediate:
ingest (bytes -> Submission), extract (Submission -> Extraction), map (Extraction -> FactModel),
render (FactModel -> files) and validate (files -> findings). `converter.pipeline` wires them.
"""

__version__ = "0.1.0"
