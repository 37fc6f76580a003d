"""Measure: how well and how fast the engine works.

`verifier bench` (latency, throughput, import rate), the HTTP load test, synthetic claims,
`verifier eval` and the public benchmark readers, and the metrics they share. May import the
engine and everything below it; never the web edge or the CLI.
"""
