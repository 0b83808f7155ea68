"""Early-warning pages: detections and the substance library, alerts and subscriptions."""
