"""Reading: paths, folders, records, stdin and the web become ``Article`` records."""
