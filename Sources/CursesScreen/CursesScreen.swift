// CursesScreen: filled in by its issue.
