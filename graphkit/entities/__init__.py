"""Entity resolution: the actors of one parsed article, found, typed and merged."""
