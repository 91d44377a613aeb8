"""Reading sources: dumps (and other formats) streamed into records with file:line
problems, and their text cleaned."""
