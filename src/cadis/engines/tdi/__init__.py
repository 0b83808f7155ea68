"""TDI 3.0 data (code lists, standard tables) as plain Python: framework-free."""
