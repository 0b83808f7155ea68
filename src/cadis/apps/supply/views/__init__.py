"""Supply pages: the dashboards, the record lists and forms, the import pages."""
