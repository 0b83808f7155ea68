"""Seizure import: reading files, mapping headers, parsing rows (pure), committing (Django).

``reader``, ``headers``, ``issues``, ``vocabulary`` and ``rows`` import no Django models;
``loading`` builds the vocabulary from the database and ``commit`` writes the records.
"""
