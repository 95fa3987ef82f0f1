"""`assistant serve`: the HTTP API on uvicorn. Imports stay light until the command runs (this
module is imported for every sub-command)."""

from __future__ import annotations

import argparse
import copy
import sys
from typing import Any


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "serve", help="run the HTTP API (OpenAPI at /openapi.json, docs at /docs)"
    )
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default: loopback)")
    p.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    p.set_defaults(func=cmd_serve)


def log_config() -> dict[str, Any]:
    """uvicorn's logging, with its access log (raw paths) replaced by ours (codes redacted)."""
    from uvicorn.config import LOGGING_CONFIG

    config = copy.deepcopy(LOGGING_CONFIG)
    config["loggers"]["uvicorn.access"] = {"handlers": [], "level": "WARNING", "propagate": False}
    config["formatters"]["api"] = {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}
    config["handlers"]["api"] = {
        "formatter": "api",
        "class": "logging.StreamHandler",
        "stream": "ext://sys.stderr",
    }
    config["loggers"]["assistant.api"] = {"handlers": ["api"], "level": "INFO", "propagate": False}
    return config


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from assistant.api.app import ApiLimits, create_app
    from assistant.api.resources import build_collaborators
    from assistant.settings import Settings

    settings = Settings()
    collab = build_collaborators(settings)
    sys.stderr.write("assistant: loading the interpreter model...\n")
    collab.warm()
    app = create_app(collab, ApiLimits.from_settings(settings))
    forwarded = settings.api_forwarded_allow_ips
    uvicorn.run(
        app,
        host=args.host,
        port=args.port,
        access_log=False,
        log_config=log_config(),
        proxy_headers=forwarded is not None,
        forwarded_allow_ips=forwarded,
        server_header=False,
    )
    return 0
