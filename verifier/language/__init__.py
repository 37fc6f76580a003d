"""Language: pure text analysis of statements and claims.

Normalization, sentences, tokens and stems, numbers, units and dates, entities and places,
lexical relations. Plain functions over text: no Flask, no SQL, no settings. May import only
`verifier.models`, `verifier.config` and other `verifier.language` modules.
"""
