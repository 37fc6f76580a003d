"""Engine: from articles to claims, and from statements to verdicts with citations.

Claim extraction and attribution, candidate matching and ranking, the verdict rules, the
pipeline (`service`: verify, check_draft, ingest_article), bulk preparation and the shipped seed.
May import `verifier.store`, `verifier.language`, `verifier.models`, `verifier.keys` and
`verifier.config`; never the web edge, the CLI or measurement.
"""
