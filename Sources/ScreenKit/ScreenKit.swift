// ScreenKit: filled in by its issue.
