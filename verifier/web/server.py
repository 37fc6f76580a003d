"""Run the app under gunicorn: pre-forked workers, access log on stdout."""

from __future__ import annotations

from typing import Any

from gunicorn.app.base import BaseApplication


class _Server(BaseApplication):  # type: ignore[misc]
    """gunicorn driven from Python, so `verifier serve` needs no config file."""

    def __init__(self, options: dict[str, Any], overrides: dict[str, Any]) -> None:
        self.options = options
        self.overrides = overrides
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self) -> Any:
        from verifier.web.app import create_app

        return create_app(self.overrides)


def run(host: str, port: int, workers: int, overrides: dict[str, Any]) -> None:
    """Serve until interrupted."""
    options = {
        "bind": f"{host}:{port}",
        "workers": max(1, workers),
        # Sync workers accept one connection per request, so every worker stays busy.
        # gthread workers keep connections alive (+25-30% req/s when balanced) but a few
        # long-lived connections, e.g. a proxy's small upstream pool, can all land on one
        # worker while the other idles: the bench's four clients gave 228-453 req/s.
        "worker_class": "sync",
        "accesslog": "-",
        "errorlog": "-",
        "access_log_format": '%(h)s "%(r)s" %(s)s %(b)s %(M)sms',
        "timeout": 60,
        "graceful_timeout": 10,
        "keepalive": 5,
    }
    _Server(options, overrides).run()
