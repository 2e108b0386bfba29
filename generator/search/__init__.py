"""The search index: an exact, sharded character-bigram index of every article's headline and
text, written as scripts the search page loads (from a server or from disk). May import the stages
up to `index`."""
