"""Statistical signals in the early-warning module: count series over detections, harms,
seizures and accepted document facts, the tests of ``cadis.engines.stats.signals``, and draft
alerts with their evidence bundle (docs/signals.md, "In the application")."""
