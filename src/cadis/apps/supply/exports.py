"""CSV and XLSX downloads of dashboard tables and seizure lists (the platform's one writer)."""

from __future__ import annotations

from cadis.platform.exports import csv_response, table_response

__all__ = ["csv_response", "table_response"]
