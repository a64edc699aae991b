// Placeholder: contribution mutations.
