// Placeholder: filled in by the data-model work.
