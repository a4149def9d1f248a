// ReaderState: filled in by its issue.
