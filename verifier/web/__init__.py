"""Web: the HTTP edge of the service.

The Flask app factory (`app`), the REST blueprint (`api`), schemas, problem+json errors, the
editor and claims pages with `static/` and `templates/`, the API docs, keys/auth/limits,
ClaimReview and the gunicorn server. May import the engine and everything below it; never the
CLI or measurement.
"""
