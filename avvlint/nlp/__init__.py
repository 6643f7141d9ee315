"""Language processing: sentences, tokens and lemmas for German legal text."""
