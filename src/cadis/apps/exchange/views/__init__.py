"""Exchange pages: events, experts and discussions to read, their management, recommendations."""
