"""One router per resource: events and incidents, actors, articles, dashboard pages."""
