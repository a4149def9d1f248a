// ReaderView: filled in by its issue.
