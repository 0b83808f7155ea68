"""Exchange forms: events and expert profiles, recommendations, discussions."""
