"""Precursor pages: screening of declarations, pre-export notifications and incidents."""
